#include "indexer/text_decoding.hpp"

#include "common/text/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace gazette::indexer {
namespace {

/// Bytes the detector looks at: enough to tell encodings apart, bounded for huge files.
constexpr std::size_t kDetectionSample = 256u << 10;
/// Below this confidence (0-100) the detector's guess is not taken; Windows-1252 is assumed.
constexpr int kMinConfidence = 10;

std::string at(const ByteOrigin& origin, std::size_t offset_in_bytes) {
    return std::to_string(origin.offset + offset_in_bytes);
}

std::string skipped(const ByteOrigin& origin) {
    return origin.line > 0 ? "line skipped" : "file skipped";
}

/// @return the offset of the first control byte that text never holds, and how many there are.
std::pair<std::size_t, std::size_t> control_bytes(std::string_view bytes) {
    std::size_t first = std::string_view::npos;
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
            c != 0x1B) {
            first = std::min(first, i);
            ++count;
        }
    }
    return {first, count};
}

/// @return the UTF-8 text of `bytes` in `charset`, or nothing when ICU has no such converter.
std::optional<std::string> convert(std::string_view bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) {
        return std::nullopt;
    }
    ucnv_close(converter);
    const icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
    std::string out;
    decoded.toUTF8String(out);
    return out;
}

struct Legacy {
    std::string charset;  ///< as ICU names it
    std::string text;
};

/// Decodes bytes of an 8-bit (or other legacy) encoding, as ICU's detector best explains them;
/// Latin-1 is read as Windows-1252, its superset for printable text.
Legacy decode_legacy(std::string_view bytes) {
    using Detector = std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)>;
    UErrorCode status = U_ZERO_ERROR;
    const Detector detector(ucsdet_open(&status), &ucsdet_close);
    const std::string_view sample = bytes.substr(0, kDetectionSample);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        const std::string name = ucsdet_getName(matches[i], &status);
        if (U_FAILURE(status) || ucsdet_getConfidence(matches[i], &status) < kMinConfidence) {
            break;
        }
        if (name.rfind("UTF-", 0) == 0 || name.rfind("ISO-2022", 0) == 0) {
            continue;  // not UTF-8 (we checked), and 7-bit stateful encodings are not in play
        }
        const std::string charset = name == "ISO-8859-1" ? "windows-1252" : name;
        if (auto text = convert(bytes, charset.c_str())) {
            return {charset, std::move(*text)};
        }
    }
    return {"windows-1252", text::windows1252_to_utf8(bytes)};
}

/// @return the name users know an ICU charset by ("Windows-1252").
std::string display_name(std::string charset) {
    if (charset.rfind("windows-", 0) == 0) {
        charset[0] = 'W';
    }
    return charset;
}

std::optional<std::string> decode_utf16(std::string_view bytes,
                                        const ByteOrigin& origin,
                                        std::vector<InputProblem>& problems) {
    const bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
    auto text = convert(bytes, little ? "UTF-16LE" : "UTF-16BE");
    if (!text) {
        return std::nullopt;
    }
    if (text->starts_with("\xEF\xBB\xBF")) {
        text->erase(0, 3);
    }
    problems.push_back({std::string(origin.source),
                        origin.line,
                        std::string("UTF-16") + (little ? "LE" : "BE") + " text",
                        "converted to UTF-8; save it as UTF-8 to silence this"});
    return text;
}

}  // namespace

std::optional<std::string> decode_text(std::string bytes,
                                       const ByteOrigin& origin,
                                       std::vector<InputProblem>& problems) {
    const std::string source(origin.source);
    if (origin.line == 0 && bytes.size() >= 2 &&
        (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))) {
        if (auto text = decode_utf16(bytes, origin, problems)) {
            return text;
        }
    }
    if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
        problems.push_back({source,
                            origin.line,
                            "binary data (NUL byte at offset " + at(origin, nul) + ")",
                            skipped(origin)});
        return std::nullopt;
    }
    // A few control bytes happen in real text (a stray form feed); a file full of them is not text.
    if (const auto [first, count] = control_bytes(bytes); count > 16 && count > bytes.size() / 64) {
        problems.push_back({source,
                            origin.line,
                            "binary data (" + std::to_string(count) +
                                " control bytes, the first at offset " + at(origin, first) + ")",
                            skipped(origin)});
        return std::nullopt;
    }
    const auto bad = text::first_invalid_utf8(bytes);
    if (!bad) {
        return bytes;
    }
    // Text in a legacy encoding has bytes 0x80-0xFF standing alone, nearly all invalid as UTF-8.
    // UTF-8 with a stray bad byte has many valid multi-byte sequences: it is repaired instead.
    std::size_t replaced = 0;
    std::string repaired = text::repair_utf8(bytes, &replaced);
    const auto high = static_cast<std::size_t>(std::count_if(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    if (replaced * 2 >= high) {
        Legacy legacy = decode_legacy(bytes);
        problems.push_back(
            {source,
             origin.line,
             "not UTF-8 (first bad byte at offset " + at(origin, *bad) + ")",
             "read as " + display_name(legacy.charset) + "; save it as UTF-8 to silence this"});
        return std::move(legacy.text);
    }
    problems.push_back({source,
                        origin.line,
                        "invalid UTF-8 at byte offset " + at(origin, *bad),
                        std::to_string(replaced) + (replaced == 1 ? " bad byte" : " bad bytes") +
                            " replaced with U+FFFD"});
    return repaired;
}

}  // namespace gazette::indexer
