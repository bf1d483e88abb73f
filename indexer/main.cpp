// gazette-index: index reports into a Gazette database.
#include "common/cli.hpp"
#include "common/database.hpp"
#include "indexer/indexing_run.hpp"
#include "indexer/progress_bar.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-index";
constexpr std::size_t kMaxJobs = 256;
constexpr std::size_t kMaxShards = 256;

/// Set by SIGINT or SIGTERM: the run stops, commits what it wrote and says so.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void request_stop(int /*signal*/) {
    g_stop.store(true);
}

/// A first Ctrl-C stops the run cleanly; a second one (the handler is then reset) kills it,
/// which the database survives as well.
void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    action.sa_flags = SA_RESETHAND;  // no SA_RESTART: a wait for input or a lock is interrupted
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void print_summary(const indexer::IndexSummary& s, bool json, bool show_pruned) {
    const std::size_t written = s.added + s.replaced;
    const double rate = s.seconds > 0 ? static_cast<double>(written) / s.seconds : 0;
    if (json) {
        nlohmann::ordered_json j{{"added", s.added},
                                 {"replaced", s.replaced},
                                 {"unchanged", s.unchanged},
                                 {"deleted", s.deleted},
                                 {"pruned", s.pruned},
                                 {"rejected", s.rejected},
                                 {"problems", s.problems},
                                 {"seconds", s.seconds},
                                 {"rate", rate},
                                 {"total", s.total},
                                 {"shards", s.shards},
                                 {"interrupted", s.interrupted},
                                 {"compacted", s.compacted}};
        std::cout << j.dump() << '\n';
        return;
    }
    std::printf("%zu added, %zu replaced, %zu unchanged, %zu deleted, ",
                s.added,
                s.replaced,
                s.unchanged,
                s.deleted);
    if (show_pruned) {
        std::printf("%zu pruned, ", s.pruned);
    }
    std::printf("%zu rejected in %.2f s", s.rejected, s.seconds);
    if (written > 0 && s.seconds > 0) {
        std::printf(" (%.0f reports/s)", rate);
    }
    std::printf("; the database holds %zu reports", s.total);
    if (s.shards > 1) {
        std::printf(" in %zu shards", s.shards);
    }
    if (s.compacted) {
        std::printf(", compacted");
    }
    std::printf("\n");
}

Result<int> run(int argc, char** argv) {
    po::options_description options(
        "gazette-index [options] PATH...\n\n"
        "Indexes .txt/.md (with optional front matter), .jsonl and .html reports; PATH - reads\n"
        "JSON Lines from standard input.\nOptions");
    std::string date;
    indexer::IndexRunOptions run_options;
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
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
        ("prune", po::bool_switch(&run_options.prune),
            "drop reports whose file is gone (or, for files read in this run, no longer holds them)")
        ("rebuild", po::bool_switch(), "empty the database first (after a schema change)")
        ("batch", po::value(&run_options.batch_size)->default_value(250),
            "reports per commit: what a crash can lose at most")
        ("jobs,j", po::value(&run_options.jobs)->default_value(cores),
            "threads that read, clean and analyse reports")
        ("shards", po::value(&run_options.shards),
            "write N shard databases in parallel (a new database, or with --rebuild)")
        ("wait", po::bool_switch(&run_options.wait),
            "wait for another indexer of the database to finish instead of failing")
        ("no-entities", po::bool_switch(), "do not extract people, organisations and places")
        ("no-compact", po::bool_switch(),
            "do not compact the database after a run that wrote a quarter of its reports or "
            "more (compacting is the default)")
        ("compact", po::bool_switch(), "compact as by default (kept for older scripts)")
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
    if (run_options.paths.empty() && run_options.delete_ids.empty() && !run_options.prune) {
        return fail(ErrorCode::Usage,
                    "nothing to index",
                    "name files or directories, e.g. gazette-index corpus/ (or - for stdin)");
    }
    if (!date.empty()) {
        run_options.defaults.date = parse_date(date);
        if (!run_options.defaults.date) {
            return fail(ErrorCode::Usage, "--date '" + date + "' is not a date", "use YYYY-MM-DD");
        }
    }
    if (run_options.jobs < 1 || run_options.jobs > kMaxJobs) {
        return fail(ErrorCode::Usage,
                    "--jobs must be 1 to " + std::to_string(kMaxJobs),
                    "the default is one per core");
    }
    if (vm->count("shards") != 0U && (run_options.shards < 1 || run_options.shards > kMaxShards)) {
        return fail(ErrorCode::Usage, "--shards must be 1 to " + std::to_string(kMaxShards));
    }
    run_options.entities = !(*vm)["no-entities"].as<bool>();
    if ((*vm)["compact"].as<bool>() && (*vm)["no-compact"].as<bool>()) {
        return fail(ErrorCode::Usage, "--compact and --no-compact contradict each other");
    }
    run_options.compact = !(*vm)["no-compact"].as<bool>();
    if ((*vm)["rebuild"].as<bool>()) {
        run_options.mode = db::WriteMode::Rebuild;
    }
    const bool quiet = (*vm)["quiet"].as<bool>();
    const bool json = (*vm)["json"].as<bool>();
    indexer::ProgressBar progress(stderr, !quiet && isatty(STDERR_FILENO) != 0);
    run_options.on_progress = [&](const indexer::IndexProgress& p) { progress.update(p); };
    run_options.on_wait = [&](long pid) {
        if (!quiet) {
            std::cerr << kProgram << ": waiting for the indexer "
                      << (pid > 0 ? "with pid " + std::to_string(pid) + " " : "")
                      << "to finish (Ctrl-C to give up)\n";
        }
    };
    run_options.on_compacting =
        [&, terminal = !quiet && isatty(STDERR_FILENO) != 0](std::size_t shards) {
            progress.clear();
            if (terminal) {  // a pass over the whole database: minutes at a million reports
                std::cerr << kProgram << ": compacting the database ("
                          << (shards == 1 ? "1 shard" : std::to_string(shards) + " shards")
                          << "); searches go on meanwhile\n";
            }
        };
    install_stop_handlers();
    run_options.stop = &g_stop;
    auto summary = indexer::run_indexing(run_options, [&](const InputProblem& problem) {
        progress.clear();
        std::cerr << kProgram << ": " << problem.to_string() << '\n';
    });
    progress.clear();
    if (!summary) {
        return tl::unexpected(summary.error());
    }
    if (!quiet || json) {
        print_summary(*summary, json, run_options.prune);
    }
    if (summary->interrupted) {
        std::cerr << kProgram
                  << ": interrupted; what was indexed is committed (run the same command again "
                     "to finish)\n";
        return exit_codes::kPartial;
    }
    return summary->problems > 0 ? exit_codes::kPartial : exit_codes::kOk;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
