#include "searcher/serve/request_params.hpp"

#include "common/schema.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

Result<search::SearchRequest> parse(serve::Params params, int default_limit = 10) {
    return serve::parse_search_params(params, default_limit);
}

std::string error_of(serve::Params params) {
    auto request = parse(std::move(params));
    REQUIRE_FALSE(request);
    CHECK(request.error().code == ErrorCode::Usage);
    return request.error().message;
}

/// A template, so that it compiles before and after SearchRequest has entity filters.
template <class Request>
void check_entity_filter(const Result<Request>& request) {
    if constexpr (requires(Request r) { r.entities; }) {
        REQUIRE(request);
        CHECK(request->entities == std::vector<std::string>{"Kim Jong Un"});
    } else {
        REQUIRE_FALSE(request);
        CHECK(request.error().message == "entity filters are not available in this build");
    }
}

}  // namespace

TEST_SUITE("serve") {
    TEST_CASE("request_params: every parameter means what the gazette-search flag means") {
        auto request = parse({{"q", "Puls withdrawal"},
                              {"outlet", "Kyiv Post"},
                              {"outlet", "Flux Daily"},
                              {"from", "2025-01"},
                              {"to", "2025-01-31"},
                              {"mentions_from", "2024-11"},
                              {"mentions_to", "last-month"},
                              {"sort", "date"},
                              {"limit", "25"},
                              {"offset", "50"},
                              {"facets", "1"},
                              {"collapse", "1"},
                              {"similar", "000_538164c2fa05198d"}});
        REQUIRE(request);
        CHECK(request->query == "Puls withdrawal");
        CHECK(request->outlets == std::vector<std::string>{"Kyiv Post", "Flux Daily"});
        CHECK(request->from == "2025-01");
        CHECK(request->to == "2025-01-31");
        CHECK(request->mentions_from == "2024-11");
        CHECK(request->mentions_to == "last-month");
        CHECK(request->sort == search::SortOrder::Date);
        CHECK(request->limit == 25);
        CHECK(request->offset == 50);
        CHECK(request->facets);
        CHECK(request->collapse);
        CHECK(request->similar == "000_538164c2fa05198d");
    }

    TEST_CASE("request_params: defaults are the CLI's, except the limit the route gives") {
        auto request = parse({}, 1000);
        REQUIRE(request);
        CHECK(request->query.empty());
        CHECK(request->limit == 1000);
        CHECK(request->offset == 0);
        CHECK(request->sort == search::SortOrder::Auto);
        CHECK_FALSE(request->facets);
        CHECK(parse({{"facets", ""}})->facets);
        CHECK(parse({{"facets", "true"}})->facets);
        CHECK_FALSE(parse({{"facets", "0"}})->facets);
        CHECK_FALSE(request->collapse);
        CHECK(request->similar.empty());
        CHECK_FALSE(parse({{"collapse", "0"}})->collapse);
        CHECK(parse({{"sort", "relevance"}})->sort == search::SortOrder::Relevance);
        CHECK(parse({{"sort", ""}})->sort == search::SortOrder::Auto);
    }

    TEST_CASE("request_params: bad parameters are usage errors naming the parameter") {
        CHECK(error_of({{"query", "x"}}) == "unknown parameter 'query'");
        CHECK(error_of({{"q", "a"}, {"q", "b"}}) == "parameter 'q' is given twice");
        CHECK(error_of({{"limit", "ten"}}).find("limit='ten'") == 0);
        CHECK(error_of({{"limit", "-1"}}).find("limit='-1'") == 0);
        CHECK(error_of({{"limit", "1x"}}).find("limit='1x'") == 0);
        CHECK(error_of({{"limit", ""}}).find("limit=''") == 0);
        CHECK(error_of({{"offset", "99999999999999999999"}}).find("offset=") == 0);
        CHECK(error_of({{"sort", "random"}}) == "sort='random' is not a sort order");
        CHECK(error_of({{"facets", "maybe"}}) == "facets='maybe' is not a yes or no");
        CHECK(error_of({{"collapse", "maybe"}}) == "collapse='maybe' is not a yes or no");
        CHECK(error_of({{"outlet", ""}}) == "parameter 'outlet' is empty");
    }

    TEST_CASE("request_params: the result window is bounded") {
        CHECK(error_of({{"limit", std::to_string(schema::kMaxLimit + 1)}}).find("limit=") == 0);
        const auto deepest = std::to_string(schema::kMaxResultWindow - 10);
        CHECK(parse({{"offset", deepest}, {"limit", "10"}}));
        CHECK(error_of({{"offset", deepest}, {"limit", "11"}}).find("offset + limit") == 0);
        CHECK(parse({{"offset", std::to_string(schema::kMaxResultWindow)}, {"limit", "0"}}));
        CHECK_FALSE(
            parse({{"offset", std::to_string(schema::kMaxResultWindow + 1)}, {"limit", "0"}}));
    }

    TEST_CASE("request_params: entity filters pass through when the searcher has them") {
        check_entity_filter(parse({{"entity", "Kim Jong Un"}}));
    }
}
