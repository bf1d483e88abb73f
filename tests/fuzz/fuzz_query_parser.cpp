// Fuzz target: a query string (any bytes, as a command line or a web form may send) through the
// parser and the binder, as gazette-search runs it before searching.
#include "common/schema.hpp"
#include "common/text/analyzer.hpp"
#include "searcher/query/query_parser.hpp"
#include "searcher/query_binder.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    if (query.size() > gazette::schema::kMaxQueryBytes) {
        return 0;  // refused before parsing, as the searcher does
    }
    const auto tree = gazette::query::parse(query, gazette::search::field_role);
    if (!tree) {
        if (tree.error().message.empty()) {
            __builtin_trap();  // every refusal must say what is wrong
        }
        return 0;
    }
    (void)gazette::query::to_sexpr(*tree);
    const auto bound = gazette::search::bind(*tree, gazette::text::thread_analyzer());
    if (bound) {
        (void)bound->query.get_description();
    }
    return 0;
}
