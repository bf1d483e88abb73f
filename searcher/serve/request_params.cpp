#include "searcher/serve/request_params.hpp"

#include "common/schema.hpp"

#include <charconv>
#include <set>

namespace gazette::serve {
namespace {

/// Adds an entity filter when the searcher has them (SearchRequest::entities); a template so that
/// this compiles both before and after that field exists.
template <class Request>
bool add_entity(Request& request, const std::string& value) {
    if constexpr (requires { request.entities.push_back(value); }) {
        request.entities.push_back(value);
        return true;
    } else {
        return false;
    }
}

Result<int> parse_count(const std::string& name, const std::string& value) {
    int number = 0;
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, number);
    if (value.empty() || ec != std::errc() || ptr != end || number < 0) {
        return fail(ErrorCode::Usage,
                    name + "='" + value + "' is not a whole number of 0 or more",
                    "give " + name + " as digits, e.g. " + name + "=10");
    }
    return number;
}

Result<bool> parse_flag(const std::string& name, const std::string& value) {
    if (value.empty() || value == "1" || value == "true") {
        return true;
    }
    if (value == "0" || value == "false") {
        return false;
    }
    return fail(ErrorCode::Usage,
                name + "='" + value + "' is not a yes or no",
                "use " + name + "=1 or " + name + "=0");
}

Error unknown_parameter(const std::string& name) {
    return {ErrorCode::Usage,
            "unknown parameter '" + name + "'",
            "a search takes " + std::string(kSearchParams)};
}

}  // namespace

Result<search::SearchRequest> parse_search_params(const Params& params, int default_limit) {
    search::SearchRequest request;
    request.limit = default_limit;
    std::set<std::string> seen;
    for (const auto& [name, value] : params) {
        const bool repeatable = name == "outlet" || name == "entity";
        if (!repeatable && !seen.insert(name).second) {
            return fail(ErrorCode::Usage,
                        "parameter '" + name + "' is given twice",
                        "give it once (only outlet and entity repeat)");
        }
        if (repeatable && value.empty()) {
            return fail(ErrorCode::Usage,
                        "parameter '" + name + "' is empty",
                        "give a value, e.g. " + name + "=Kyiv%20Post, or leave it out");
        }
        if (name == "q") {
            request.query = value;
        } else if (name == "outlet") {
            request.outlets.push_back(value);
        } else if (name == "entity") {
            if (!add_entity(request, value)) {
                return fail(ErrorCode::Usage,
                            "entity filters are not available in this build",
                            "leave out the entity parameter");
            }
        } else if (name == "from") {
            request.from = value;
        } else if (name == "to") {
            request.to = value;
        } else if (name == "mentions_from") {
            request.mentions_from = value;
        } else if (name == "mentions_to") {
            request.mentions_to = value;
        } else if (name == "sort") {
            auto order = search::sort_order_from(value);
            if (!order) {
                return fail(ErrorCode::Usage,
                            "sort='" + value + "' is not a sort order",
                            "use sort=relevance or sort=date");
            }
            request.sort = *order;
        } else if (name == "limit" || name == "offset") {
            auto number = parse_count(name, value);
            if (!number) {
                return tl::unexpected(number.error());
            }
            (name == "limit" ? request.limit : request.offset) = *number;
        } else if (name == "facets" || name == "collapse") {
            auto flag = parse_flag(name, value);
            if (!flag) {
                return tl::unexpected(flag.error());
            }
            (name == "facets" ? request.facets : request.collapse) = *flag;
        } else if (name == "similar") {
            request.similar = value;
        } else {
            return tl::unexpected(unknown_parameter(name));
        }
    }
    if (request.limit > schema::kMaxLimit) {
        return fail(ErrorCode::Usage,
                    "limit=" + std::to_string(request.limit) + " is more than " +
                        std::to_string(schema::kMaxLimit) + " results a page",
                    "page through results with offset");
    }
    if (request.offset > schema::kMaxResultWindow - request.limit) {
        return fail(ErrorCode::Usage,
                    "offset + limit passes " + std::to_string(schema::kMaxResultWindow) +
                        ", the deepest page served",
                    "narrow the search with words or filters instead of paging so far");
    }
    return request;
}

}  // namespace gazette::serve
