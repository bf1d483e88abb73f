// gazette-search: ranked search over a Gazette database.
#include "common/cli.hpp"
#include "common/database.hpp"
#include "searcher/csv_export.hpp"
#include "searcher/render.hpp"
#include "searcher/searcher.hpp"

#include <cstdio>
#include <iostream>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-search";

Result<search::SortOrder> parse_sort(const std::string& sort) {
    if (auto order = search::sort_order_from(sort)) {
        return *order;
    }
    return fail(ErrorCode::Usage,
                "--sort '" + sort + "' is not a sort order",
                "use --sort relevance or --sort date");
}

enum class Format { Text, Json, Csv };

/// --json is kept as another name for --format json.
Result<Format> parse_format(const std::string& format, bool json) {
    if (json && !format.empty() && format != "json") {
        return fail(ErrorCode::Usage,
                    "--json and --format " + format + " ask for two formats",
                    "give one of them");
    }
    if (json || format == "json") {
        return Format::Json;
    }
    if (format.empty() || format == "text") {
        return Format::Text;
    }
    if (format == "csv") {
        return Format::Csv;
    }
    return fail(ErrorCode::Usage,
                "--format '" + format + "' is not an output format",
                "use --format text, json or csv");
}

Result<int> run(int argc, char** argv) {
    po::options_description options("gazette-search [options] QUERY...\n\nOptions");
    std::string db_path;
    std::string gazetteer_path;
    std::string sort;
    std::string format_name;
    std::vector<std::string> words;
    search::SearchRequest request;
    // clang-format off
    options.add_options()
        ("help,h", "show this help and the query syntax")
        ("db", po::value(&db_path)->default_value(db::default_path()),
            "database directory or stub file (default: $GAZETTE_DB, else ~/.local/share/gazette/db)")
        ("outlet", po::value(&request.outlets), "only reports from this outlet (repeat to allow several)")
        ("entity", po::value(&request.entities),
            "only reports that name this person, organisation or place, in any spelling (repeat: all of them)")
        ("entities", po::value(&gazetteer_path),
            "entity gazetteer (default: $GAZETTE_ENTITIES, else corpus/entities.tsv)")
        ("from", po::value(&request.from), "only reports published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
        ("to", po::value(&request.to), "only reports published on or before this date")
        ("sort", po::value(&sort), "relevance (default) or date (newest first)")
        ("limit", po::value(&request.limit)->default_value(10), "results per page")
        ("offset", po::value(&request.offset)->default_value(0), "results to skip")
        ("facets", po::bool_switch(&request.facets), "count matches by outlet, date, person, org and place")
        ("format", po::value(&format_name), "text (default), json (one object) or csv (a row per result)")
        ("json", po::bool_switch(), "print one JSON object (same as --format json)")
        ("explain", po::bool_switch(), "print how the query was understood")
        ("query", po::value(&words)->multitoken(), "the query");
    // clang-format on
    po::positional_options_description positional;
    positional.add("query", -1);
    auto vm = cli::parse_options(argc, argv, options, positional);
    if (!vm) {
        return tl::unexpected(vm.error());
    }
    if (vm->count("help") != 0U) {
        std::cout
            << options
            << "\nQuery syntax: words (ranked, any may match), \"a phrase\", "
               "+required, -excluded, =exact,\nAND OR NOT XOR NEAR ADJ, (groups), and fields: "
               "title: outlet: author: id: date:2025-01..2025-02\n"
               "entity: person: org: place: (any spelling: person:Syrsky finds Syrskyi)\n";
        return exit_codes::kOk;
    }
    for (const auto& word : words) {
        request.query += (request.query.empty() ? "" : " ") + word;
    }
    auto order = parse_sort(sort);
    if (!order) {
        return tl::unexpected(order.error());
    }
    request.sort = *order;
    auto format = parse_format(format_name, (*vm)["json"].as<bool>());
    if (!format) {
        return tl::unexpected(format.error());
    }
    auto searcher = search::Searcher::open(db_path, gazetteer_path);
    if (!searcher) {
        return tl::unexpected(searcher.error());
    }
    auto response = searcher->search(request);
    if (!response) {
        return tl::unexpected(response.error());
    }
    if (*format == Format::Json) {
        std::cout << search::to_json(*response).dump(2) << '\n';
    } else if (*format == Format::Csv) {
        std::cout << search::to_csv(*response);
    } else {
        if ((*vm)["explain"].as<bool>()) {
            std::cout << search::explain_text(*response) << '\n';
        }
        std::cout << search::to_text(*response, cli::wants_color(stdout));
    }
    return response->total == 0 ? exit_codes::kPartial : exit_codes::kOk;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
