// gazette-index: index reports into a Gazette database.
#include "common/cli.hpp"
#include "common/database.hpp"
#include "indexer/indexing_run.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-index";

void print_summary(const indexer::IndexSummary& s, bool json) {
    if (json) {
        nlohmann::ordered_json j{{"added", s.added},
                                 {"replaced", s.replaced},
                                 {"unchanged", s.unchanged},
                                 {"deleted", s.deleted},
                                 {"rejected", s.rejected},
                                 {"problems", s.problems},
                                 {"seconds", s.seconds},
                                 {"total", s.total}};
        std::cout << j.dump() << '\n';
        return;
    }
    const std::size_t written = s.added + s.replaced;
    std::printf("%zu added, %zu replaced, %zu unchanged, %zu deleted, %zu rejected in %.2f s",
                s.added,
                s.replaced,
                s.unchanged,
                s.deleted,
                s.rejected,
                s.seconds);
    if (written > 0 && s.seconds > 0) {
        std::printf(" (%.0f reports/s)", static_cast<double>(written) / s.seconds);
    }
    std::printf("; the database holds %zu reports\n", s.total);
}

Result<int> run(int argc, char** argv) {
    po::options_description options(
        "gazette-index [options] PATH...\n\n"
        "Indexes .txt/.md (with optional front matter), .jsonl and "
        ".html reports.\nOptions");
    std::string date;
    indexer::IndexRunOptions run_options;
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("db", po::value(&run_options.db_path)->default_value(db::default_path()),
            "database directory (default: $GAZETTE_DB, else ~/.local/share/gazette/db)")
        ("outlet", po::value(&run_options.defaults.outlet), "outlet of reports that name none")
        ("date", po::value(&date), "publication date (YYYY-MM-DD) of reports that carry none")
        ("author", po::value(&run_options.defaults.author), "author of reports that name none")
        ("language", po::value(&run_options.defaults.language), "language of reports that name none")
        ("delete", po::value(&run_options.delete_ids)->multitoken(), "delete the reports with these ids")
        ("rebuild", po::bool_switch(), "empty the database first (after a schema change)")
        ("batch", po::value(&run_options.batch_size)->default_value(1000), "reports per commit")
        ("no-entities", po::bool_switch(), "do not extract people, organisations and places")
        ("entities", po::value(&run_options.gazetteer_path),
            "entity gazetteer (default: $GAZETTE_ENTITIES, else corpus/entities.tsv)")
        ("model", po::value(&run_options.model_path), "entity tagger model (default: built in)")
        ("quiet,q", po::bool_switch(), "print only problems")
        ("json", po::bool_switch(), "print the summary as one JSON object")
        ("paths", po::value(&run_options.paths)->multitoken(), "files and directories to index");
    // clang-format on
    po::positional_options_description positional;
    positional.add("paths", -1);
    auto vm = cli::parse_options(argc, argv, options, positional);
    if (!vm) {
        return tl::unexpected(vm.error());
    }
    if (vm->count("help") != 0U) {
        std::cout << options << '\n';
        return exit_codes::kOk;
    }
    if (run_options.paths.empty() && run_options.delete_ids.empty()) {
        return fail(ErrorCode::Usage,
                    "nothing to index",
                    "name files or directories, e.g. gazette-index corpus/");
    }
    if (!date.empty()) {
        run_options.defaults.date = parse_date(date);
        if (!run_options.defaults.date) {
            return fail(ErrorCode::Usage, "--date '" + date + "' is not a date", "use YYYY-MM-DD");
        }
    }
    run_options.entities = !(*vm)["no-entities"].as<bool>();
    if ((*vm)["rebuild"].as<bool>()) {
        run_options.mode = db::WriteMode::Rebuild;
    }
    auto summary = indexer::run_indexing(run_options, [](const InputProblem& problem) {
        std::cerr << kProgram << ": " << problem.to_string() << '\n';
    });
    if (!summary) {
        return tl::unexpected(summary.error());
    }
    if (!(*vm)["quiet"].as<bool>() || (*vm)["json"].as<bool>()) {
        print_summary(*summary, (*vm)["json"].as<bool>());
    }
    return summary->problems > 0 ? exit_codes::kPartial : exit_codes::kOk;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
