#include "common/entity_names.hpp"

#include "common/text/analyzer.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace gazette::entities {
namespace {

bool is_ascii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

/// Cyrillic (and other scripts) to Latin: Ukrainian BGN romanisation first (и -> y, й -> y), then
/// Russian for the letters Ukrainian lacks, then anything else ICU knows. One per thread:
/// ICU transliterators are not safe to share.
std::string to_latin(std::string_view utf8) {
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Ukrainian-Latin/BGN; Russian-Latin/BGN; Any-Latin; Latin-ASCII",
            UTRANS_FORWARD,
            status));
        return U_FAILURE(status) ? nullptr : std::move(t);
    }();
    if (!transliterator) {
        return std::string(utf8);
    }
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    transliterator->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return out;
}

/// Drops apostrophes and the prime marks romanisation writes for soft signs, so "Kurs'k" and
/// "O’Brien" stay one word, and possessive endings.
std::string drop_apostrophes(std::string_view s) {
    static constexpr std::array<std::string_view, 5> kMarks = {
        "'", "\xE2\x80\x99", "\xCA\xB9", "\xCA\xBC", "\xE2\x80\xB2"};  // ' ’ ʹ ʼ ′
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool mark = false;
        for (const auto m : kMarks) {
            if (s.substr(i).starts_with(m)) {
                i += m.size();
                mark = true;
                // A possessive "'s" goes with its apostrophe: "Ukraine's" is "Ukraine".
                const bool ends_word =
                    i + 1 >= s.size() || std::isalnum(static_cast<unsigned char>(s[i + 1])) == 0;
                if (i < s.size() && (s[i] == 's' || s[i] == 'S') && ends_word) {
                    ++i;
                }
                break;
            }
        }
        if (!mark) {
            out.push_back(s[i++]);
        }
    }
    return out;
}

/// One word's transliteration endings made one: "yy" -> "y" anywhere (Kyyiv, Zelenskyy), and a
/// final "iy", "yi", "ij", "ii", "yj" -> "y" (Syrskiy, Syrskyi, Dmitrii), "ski" -> "sky".
void normalise_word(std::string& w) {
    std::string out;
    out.reserve(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] == 'y' && i + 1 < w.size() && w[i + 1] == 'y') {
            continue;
        }
        out.push_back(w[i]);
    }
    w.swap(out);
    if (w.size() >= 4) {
        for (const std::string_view ending : {"iy", "yi", "ij", "ii", "yj"}) {
            if (w.ends_with(ending)) {
                w.resize(w.size() - 2);
                w.push_back('y');
                return;
            }
        }
    }
    if (w.size() >= 5 && w.ends_with("ski")) {
        w.back() = 'y';
    }
}

}  // namespace

std::string entity_key(std::string_view name) {
    // Apostrophes go before romanising too: ICU's Ukrainian rules turn ’ into a quote mark.
    std::string latin = drop_apostrophes(name);
    if (!is_ascii(latin)) {
        latin = drop_apostrophes(to_latin(latin));
    }
    const std::string folded = text::fold_key(latin);
    std::string key;
    key.reserve(folded.size());
    std::size_t begin = 0;
    bool first = true;
    while (begin < folded.size()) {
        std::size_t end = folded.find(' ', begin);
        if (end == std::string::npos) {
            end = folded.size();
        }
        std::string word = folded.substr(begin, end - begin);
        begin = end + 1;
        if (first && word == "the" && end < folded.size()) {
            first = false;
            continue;
        }
        first = false;
        normalise_word(word);
        if (!key.empty()) {
            key.push_back(' ');
        }
        key += word;
    }
    return key;
}

std::vector<std::string> transliteration_variants(std::string_view folded_word) {
    std::string base(folded_word);
    if (base.size() < 4 || !is_ascii(base) || !std::all_of(base.begin(), base.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0;
        })) {
        return {};
    }
    normalise_word(base);
    std::vector<std::string> variants;
    const auto add = [&](std::string v) {
        if (v != folded_word && std::find(variants.begin(), variants.end(), v) == variants.end()) {
            variants.push_back(std::move(v));
        }
    };
    if (base.size() >= 5 && base.ends_with("sky")) {
        const std::string stem = base.substr(0, base.size() - 3);
        for (const std::string_view ending : {"sky", "skyi", "skyy", "skiy", "skii", "ski"}) {
            add(stem + std::string(ending));
        }
        return variants;
    }
    // Words the rules changed ("dmitriy" -> "dmitry") get the other endings of that family.
    if (base != folded_word && base.ends_with("y")) {
        const std::string stem = base.substr(0, base.size() - 1);
        for (const std::string_view ending : {"y", "iy", "yi", "ii"}) {
            add(stem + std::string(ending));
        }
    }
    return variants;
}

}  // namespace gazette::entities
