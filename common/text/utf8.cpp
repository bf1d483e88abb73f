#include "common/text/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace gazette::text {
namespace {

/// @return the length of the valid UTF-8 sequence at the front of s, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view s) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (s.size() < n) {
        return 0;
    }
    for (std::size_t i = 1; i < n; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = valid_sequence_length(bytes.substr(i));
        if (n == 0) {
            return i;
        }
        i += n;
    }
    return std::nullopt;
}

std::string repair_utf8(std::string_view bytes, std::size_t* replaced) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = valid_sequence_length(bytes.substr(i));
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            if (replaced != nullptr) {
                ++*replaced;
            }
        } else {
            out.append(bytes.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
    std::string out;
    decoded.toUTF8String(out);
    return out;
}

}  // namespace gazette::text
