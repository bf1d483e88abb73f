#include "common/text/compound.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <cctype>

namespace gazette::text {

bool is_compound_joint(std::string_view gap) {
    return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
}

std::string join_compound(const std::vector<std::string>& parts) {
    if (parts.size() < 2 || parts.size() > schema::kMaxCompoundParts) {
        return {};
    }
    std::string joined;
    for (const auto& part : parts) {
        // Letters only: folded ASCII letters, or any non-ASCII byte (letters of other scripts).
        const bool letters = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x80 || std::isalpha(u);
        });
        if (!letters) {
            return {};
        }
        joined += part;
    }
    return joined;
}

}  // namespace gazette::text
