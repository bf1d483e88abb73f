/// @file
/// A report's most used stemmed body words and their frequencies, kept in one value slot
/// (schema::Slot::BodyStems) by the indexer. Feedback reads the words of a query's ten best
/// matches from there: ten short values instead of ten whole term lists (searcher/feedback.hpp).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::body_stems {

/// The stems kept per report: the most used. Feedback only looks up words that several of the
/// ten best matches use, most used first, so a report's rarer words seldom count: with 128,
/// nDCG@10 on Cranfield and CISI is within 0.0003 of whole term lists; 64 lost 0.0013 and 0.0028
/// (scripts/eval-ranking, BENCHMARKS.md).
inline constexpr std::size_t kKept = 128;

/// @return true for a stemmed body word ("Zwithdraw"): not a stemmed title word ("ZSwithdraw":
/// the body's stems include the title's words) and not a function word.
[[nodiscard]] bool is_body_stem(std::string_view term);

/// @return the value of the `kKept` body stems `doc`'s term list uses most (ties in term
/// order), each as its term, a NUL and its wdf (a base-128 varint); "" when it has none.
[[nodiscard]] std::string encode(const Xapian::Document& doc);

/// Calls `each(term, wdf)` for every stem of a value encode() returned, in its order.
/// @return false, having stopped, when the value is cut short (not one encode() wrote).
template <typename Each>
bool for_each(std::string_view value, Each&& each) {
    std::size_t at = 0;
    while (at < value.size()) {
        const std::size_t end = value.find('\0', at);
        if (end == std::string_view::npos) {
            return false;
        }
        Xapian::termcount wdf = 0;
        unsigned shift = 0;
        std::size_t next = end + 1;
        for (;; ++next, shift += 7) {
            if (next >= value.size() || shift > 28) {
                return false;
            }
            const auto byte = static_cast<unsigned char>(value[next]);
            wdf |= static_cast<Xapian::termcount>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                break;
            }
        }
        each(value.substr(at, end - at), wdf);
        at = next + 1;
    }
    return true;
}

}  // namespace gazette::body_stems
