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
    std::string synonyms_path;
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
        ("from", po::value(&request.from), "only reports published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, today, 7d, last-week...)")
        ("to", po::value(&request.to), "only reports published on or before this date")
        ("mentions-from", po::value(&request.mentions_from), "only reports that mention a date on or after this one")
        ("mentions-to", po::value(&request.mentions_to), "only reports that mention a date on or before this one")
        ("sort", po::value(&sort), "relevance (default) or date (newest first)")
        ("limit", po::value(&request.limit)->default_value(10), "results per page")
        ("offset", po::value(&request.offset)->default_value(0), "results to skip")
        ("facets", po::bool_switch(&request.facets), "count matches by outlet, date, mentioned date, person, org, place and story")
        ("no-snippets", po::bool_switch(), "leave snippets out (faster, for scripts)")
        ("collapse", po::bool_switch(&request.collapse),
            "one result per story: near-duplicates (wire copies, rewrites) folded under it")
        ("similar", po::value(&request.similar), "the reports most like the report with this id")
        ("synonyms", po::value(&synonyms_path),
            "synonyms file (default: $GAZETTE_SYNONYMS, else corpus/synonyms.tsv)")
        ("no-feedback", po::bool_switch(), "do not re-rank long queries with their best matches' words")
        ("format", po::value(&format_name), "text (default), json (one object) or csv (a row per result)")
        ("json", po::bool_switch(), "print one JSON object (same as --format json)")
        ("explain", po::bool_switch(&request.explain),
            "print how the query was understood and what each result matched")
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
            << "\nQuery syntax: words (ranked, any may match; synonyms and other spellings "
               "count too), \"a phrase\",\n+required, -excluded, =exact, zelensk* (the words "
               "it begins), AND OR NOT XOR NEAR ADJ, (groups),\nand fields: title: outlet: "
               "author: id: date:2025-01..2025-02 "
               "mentions:2024-11 entity: person: org: place:\n(any spelling: person:Syrsky "
               "finds Syrskyi). Quoted phrases and =words are matched as written (no stems, no "
               "synonyms).\n"
               "Dates: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 7d 4w 6m 1y (ago), "
               "this-week last-week this-month last-month this-year last-year,\n"
               "and ranges A..B, A.., ..B between any of them (date:7d.. is the last seven "
               "days)\n";
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
    request.snippets = !(*vm)["no-snippets"].as<bool>();
    request.feedback = !(*vm)["no-feedback"].as<bool>();
    auto format = parse_format(format_name, (*vm)["json"].as<bool>());
    if (!format) {
        return tl::unexpected(format.error());
    }
    auto synonyms = search::load_synonyms(synonyms_path);
    if (!synonyms) {
        return tl::unexpected(synonyms.error());
    }
    auto searcher = search::Searcher::open(db_path, gazetteer_path);
    if (!searcher) {
        return tl::unexpected(searcher.error());
    }
    searcher->synonyms = std::move(*synonyms);
    auto response = searcher->search(request);
    if (!response) {
        return tl::unexpected(response.error());
    }
    if (*format == Format::Json) {
        auto json = search::to_json(*response);
        if (request.explain) {
            json["explain"] = search::explain_json(*response);
        }
        std::cout << json.dump(2) << '\n';
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
