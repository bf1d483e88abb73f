#include "indexer/ner/features.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace gazette::ner {
namespace {

constexpr std::string_view kBoundary = "<s>";

/// The word's shape: X for upper-case letters, x lower, d digits, other characters as they are;
/// runs longer than four are cut ("Kovalenko" -> "Xxxxx"), so the shape stays a small class.
void shape_of(std::string_view word, bool collapse, std::string& shape) {
    shape.clear();
    char last = 0;
    int run = 0;
    for (std::size_t i = 0; i < word.size();) {
        UChar32 c = 0;
        U8_NEXT(word.data(), i, word.size(), c);
        char k;
        if (c < 0) {
            k = '?';
        } else if (u_isupper(c) || u_istitle(c)) {
            k = 'X';
        } else if (u_islower(c) || u_isalpha(c)) {
            k = 'x';
        } else if (u_isdigit(c)) {
            k = 'd';
        } else if (c < 0x80) {
            k = static_cast<char>(c);
        } else {
            k = '~';
        }
        run = k == last ? run + 1 : 1;
        last = k;
        if (run > (collapse ? 1 : 4)) {
            continue;
        }
        shape.push_back(k);
    }
}

bool all_caps_sentence(const std::vector<std::string>& tokens) {
    int letters = 0;
    for (const auto& t : tokens) {
        for (const char c : t) {
            if (std::islower(static_cast<unsigned char>(c))) {
                return false;
            }
            letters += std::isupper(static_cast<unsigned char>(c)) != 0 ? 1 : 0;
        }
    }
    return letters > 3;
}

class Emitter {
  public:
    Emitter(std::string& buffer, std::vector<std::uint64_t>& out) : buffer_(buffer), out_(out) {}

    /// Emits the feature "TEMPLATE=a|b|...".
    template <class... Parts>
    void operator()(char name, const Parts&... parts) {
        buffer_.clear();
        buffer_.push_back(name);
        buffer_.push_back('=');
        bool first = true;
        ((append(parts, first)), ...);
        (void)first;
        out_.push_back(XXH3_64bits(buffer_.data(), buffer_.size()));
    }

  private:
    void append(std::string_view part, bool& first) {
        if (!first) {
            buffer_.push_back('|');
        }
        first = false;
        buffer_.append(part);
    }

    std::string& buffer_;
    std::vector<std::uint64_t>& out_;
};

/// The features of a word alone, wherever it stands.
void emit_word_features(Emitter& emit,
                        std::string_view token,
                        std::string_view lower,
                        std::string_view shape,
                        std::string_view short_shape) {
    emit('w', lower);
    emit('W', token);
    emit('h', shape);
    emit('H', short_shape);
    for (std::size_t k = 1; k <= 4 && k < lower.size(); ++k) {
        emit('p', lower.substr(0, k));
        emit('s', lower.substr(lower.size() - k));
    }
}

}  // namespace

void word_features(std::string_view token, FeatureScratch& s, std::vector<std::uint64_t>& out) {
    out.clear();
    std::string lower(token);
    for (auto& c : lower) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string shape;
    std::string short_shape;
    shape_of(token, false, shape);
    shape_of(token, true, short_shape);
    Emitter emit(s.buffer, out);
    emit_word_features(emit, token, lower, shape, short_shape);
}

std::uint64_t Lexicon::word_key(std::string_view lower) {
    return XXH3_64bits(lower.data(), lower.size());
}

std::uint64_t Lexicon::name_key(const std::vector<std::string>& lower_tokens,
                                std::size_t begin,
                                std::size_t end) {
    std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = begin; i < end; ++i) {
        hash = extend_name_key(hash, lower_tokens[i]);
    }
    return hash;
}

std::uint64_t Lexicon::extend_name_key(std::uint64_t key, std::string_view lower_token) {
    return XXH3_64bits_withSeed(lower_token.data(), lower_token.size(), key);
}

void Lexicon::add_name(const std::vector<std::string>& tokens, int name_class) {
    std::vector<std::string> lower;
    lower.reserve(tokens.size());
    for (const auto& t : tokens) {
        lower.push_back(lower_token(t));
    }
    names[name_key(lower, 0, lower.size())] |= static_cast<std::uint8_t>(1U << name_class);
    longest_name = std::max(longest_name, static_cast<int>(tokens.size()));
}

std::string lower_token(std::string_view token) {
    std::string lower(token);
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

void extract_features(const std::vector<std::string>& tokens,
                      const Lexicon& lexicon,
                      FeatureScratch& s,
                      SentenceFeatures& out,
                      bool with_word_features) {
    const std::size_t n = tokens.size();
    out.hashes.clear();
    out.offsets.clear();
    s.lower.resize(n);
    s.shape.resize(n);
    s.short_shape.resize(n);
    s.name_begin.assign(n, 0);
    s.name_inside.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        s.lower[i].assign(tokens[i]);
        for (auto& c : s.lower[i]) {
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        shape_of(tokens[i], false, s.shape[i]);
        shape_of(tokens[i], true, s.short_shape[i]);
    }
    // Names the lexicon lists: every length at each start, hashed incrementally.
    const std::size_t longest_name = static_cast<std::size_t>(lexicon.longest_name);
    for (std::size_t i = 0; i < n && !lexicon.names.empty(); ++i) {
        std::uint64_t key = Lexicon::name_key(s.lower, i, i);
        for (std::size_t end = i + 1; end <= n && end - i <= longest_name; ++end) {
            key = Lexicon::extend_name_key(key, s.lower[end - 1]);
            const auto it = lexicon.names.find(key);
            if (it == lexicon.names.end()) {
                continue;
            }
            s.name_begin[i] |= it->second;
            for (std::size_t k = i + 1; k < end; ++k) {
                s.name_inside[k] |= it->second;
            }
        }
    }
    const bool caps_sentence = all_caps_sentence(tokens);
    const auto lower_at = [&](std::ptrdiff_t i) -> std::string_view {
        return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kBoundary
                                                            : s.lower[static_cast<std::size_t>(i)];
    };
    const auto short_at = [&](std::ptrdiff_t i) -> std::string_view {
        return i < 0 || i >= static_cast<std::ptrdiff_t>(n)
                   ? kBoundary
                   : s.short_shape[static_cast<std::size_t>(i)];
    };
    static constexpr std::array<std::string_view, 4> kClassBits = {"PER", "ORG", "LOC", "MISC"};
    Emitter emit(s.buffer, out.hashes);
    for (std::size_t i = 0; i < n; ++i) {
        out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
        const auto si = static_cast<std::ptrdiff_t>(i);
        const std::string& w = s.lower[i];
        emit('b');
        if (with_word_features) {
            emit_word_features(emit, tokens[i], w, s.shape[i], s.short_shape[i]);
        }
        const bool capitalised = std::isupper(static_cast<unsigned char>(tokens[i][0])) != 0;
        const bool common = lexicon.common_words.count(Lexicon::word_key(w)) != 0;
        const std::string_view position = i == 0 ? "first" : "inner";
        emit('f', position, s.short_shape[i]);
        if (caps_sentence) {
            emit('u', w);
        }
        if (capitalised) {
            emit('k', common ? "common" : "rare", position);
        }
        emit('a', lower_at(si - 1));
        emit('A', lower_at(si - 2));
        emit('n', lower_at(si + 1));
        emit('N', lower_at(si + 2));
        emit('c', lower_at(si - 1), w);
        emit('d', w, lower_at(si + 1));
        emit('x', short_at(si - 1), s.short_shape[i]);
        emit('y', s.short_shape[i], short_at(si + 1));
        emit('z', short_at(si - 1), s.short_shape[i], short_at(si + 1));
        for (std::size_t c = 0; c < kClassBits.size(); ++c) {
            if ((s.name_begin[i] >> c) & 1U) {
                emit('g', "B", kClassBits[c]);
            }
            if ((s.name_inside[i] >> c) & 1U) {
                emit('g', "I", kClassBits[c]);
            }
        }
        if (i > 0 && s.name_begin[i] == 0 && s.name_inside[i] == 0 &&
            (s.name_begin[i - 1] | s.name_inside[i - 1]) != 0) {
            emit('g', "after-name");
        }
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
}

}  // namespace gazette::ner
