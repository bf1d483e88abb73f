// gazette-bench: the in-process half of scripts/bench. Indexes the peer (SQLite FTS5) and times
// the same queries against Gazette's search library, bare Xapian and FTS5.
#include "bench/fts5.hpp"
#include "bench/percentiles.hpp"
#include "bench/query_set.hpp"
#include "common/schema.hpp"
#include "searcher/searcher.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>

using namespace gazette;
using namespace gazette::bench;

namespace {

using Clock = std::chrono::steady_clock;

/// Bare Xapian: Xapian's own QueryParser and Enquire on the same database, top 10, no extras.
class BareXapian {
  public:
    explicit BareXapian(const std::string& path) : db_(path), enquire_(db_) {
        parser_.set_stemmer(Xapian::Stem("english"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_OR);
    }

    std::size_t search(const BenchQuery& q) {
        Xapian::Query query = parser_.parse_query(q.text);
        std::vector<Xapian::Query> filters;
        if (!q.outlet.empty()) {
            filters.emplace_back(schema::boolean_term("outlet", q.outlet));
        }
        if (!q.month.empty()) {
            const std::string m = q.month.substr(0, 4) + q.month.substr(5, 2);
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE,
                                 schema::slot(schema::Slot::Date),
                                 m + "01",
                                 m + "31");
        }
        if (!q.entity.empty() && schema::find_field("entity") != nullptr) {
            filters.emplace_back(schema::boolean_term("entity", q.entity));
        }
        if (!filters.empty()) {
            query =
                Xapian::Query(Xapian::Query::OP_FILTER,
                              query,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        }
        enquire_.set_query(query);
        return enquire_.get_mset(0, 10).size();
    }

  private:
    Xapian::Database db_;
    Xapian::Enquire enquire_;
    Xapian::QueryParser parser_;
};

search::SearchRequest gazette_request(const BenchQuery& q, bool facets, bool snippets) {
    search::SearchRequest request;
    request.query = q.text;
    if (!q.outlet.empty()) {
        request.outlets.push_back(q.outlet);
    }
    if (!q.month.empty()) {
        request.query += " date:" + q.month;
    }
    if (!q.entity.empty()) {
        request.query += " entity:\"" + q.entity + "\"";
    }
    request.facets = facets;
    request.snippets = snippets;
    return request;
}

nlohmann::ordered_json summary_json(const std::string& system,
                                    const std::string& mode,
                                    const LatencySummary& s) {
    return {{"system", system},
            {"mode", mode},
            {"queries", s.count},
            {"p50_ms", s.p50_ms},
            {"p95_ms", s.p95_ms},
            {"p99_ms", s.p99_ms},
            {"mean_ms", s.mean_ms}};
}

/// How many of a mode's slowest queries its result names: the ones its p99 is made of.
constexpr std::size_t kSlowestShown = 5;

/// The `count` slowest queries with their times, slowest first, as gazette-search would take them.
nlohmann::ordered_json slowest_queries(const std::vector<BenchQuery>& queries,
                                       const std::vector<double>& ms,
                                       std::size_t count) {
    std::vector<std::size_t> order(queries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    count = std::min(count, order.size());
    std::partial_sort(order.begin(),
                      order.begin() + static_cast<std::ptrdiff_t>(count),
                      order.end(),
                      [&ms](std::size_t a, std::size_t b) { return ms[a] > ms[b]; });
    auto out = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < count; ++i) {
        const auto request = gazette_request(queries[order[i]], false, false);
        out.push_back({{"ms", ms[order[i]]},
                       {"kind", queries[order[i]].kind()},
                       {"query", request.query},
                       {"outlet", request.outlets.empty() ? "" : request.outlets.front()}});
    }
    return out;
}

int run_queries(const std::string& articles,
                const std::string& gazette_db,
                const std::string& fts5_db,
                std::size_t count,
                const std::string& only) {
    const auto queries = draw_queries(articles, gazette_db, count);
    // As gazette-serve opens its searchers: they answer search after search, and keep the facet
    // records they counted. `unkept` is a searcher as gazette-search's, for one search.
    const auto open = [&gazette_db](bool keep) {
        auto opened = search::Searcher::open(gazette_db);
        if (opened) {
            opened->keep_facet_records = keep;
        }
        return opened;
    };
    auto searcher = open(true);
    if (!searcher) {
        std::cerr << "gazette-bench: " << searcher.error().message << '\n';
        return 3;
    }
    auto unkept = open(false);
    BareXapian bare(gazette_db);
    std::unique_ptr<Fts5Searcher> fts5;
    if (!fts5_db.empty()) {
        fts5 = std::make_unique<Fts5Searcher>(fts5_db);
    }
    struct Mode {
        std::string system;
        std::string mode;
        std::function<void(const BenchQuery&)> run;
        bool only_when_named = false;  ///< a breakdown, not one of scripts/bench's rows
    };
    std::vector<Mode> modes = {
        {"xapian", "bare", [&](const BenchQuery& q) { (void)bare.search(q); }},
        {"gazette",
         "plain",
         [&](const BenchQuery& q) { (void)searcher->search(gazette_request(q, false, false)); }},
        // Plain without pseudo-relevance feedback, which bare Xapian does not do either: what
        // feedback costs, and the rest of the searcher's work on top of bare Xapian's.
        {"gazette",
         "plain-no-feedback",
         [&](const BenchQuery& q) {
             auto request = gazette_request(q, false, false);
             request.feedback = false;
             (void)searcher->search(request);
         }},
        {"gazette",
         "snippets",
         [&](const BenchQuery& q) { (void)searcher->search(gazette_request(q, false, true)); }},
        {"gazette",
         "facets+snippets",
         [&](const BenchQuery& q) { (void)searcher->search(gazette_request(q, true, true)); }},
    };
    if (fts5) {
        modes.push_back({"fts5", "bm25", [&](const BenchQuery& q) { (void)fts5->search(q); }});
    }
    // Facets counted as gazette-search counts them, keeping nothing between searches.
    modes.push_back(
        {"gazette",
         "facets+snippets-unkept",
         [&](const BenchQuery& q) { (void)unkept->search(gazette_request(q, true, true)); },
         true});
    nlohmann::ordered_json out;
    out["queries"] = queries.size();
    std::map<std::string, std::size_t> kinds;
    for (const auto& q : queries) {
        ++kinds[q.kind()];
    }
    out["kinds"] = kinds;
    out["results"] = nlohmann::ordered_json::array();
    for (const auto& mode : modes) {
        if (only.empty() ? mode.only_when_named : only != mode.mode) {
            continue;
        }
        for (const auto& q : queries) {
            mode.run(q);  // warm the caches: every system gets the same second chance
        }
        // The page cache stays warm, but what a searcher keeps between searches (the frequencies
        // feedback looked up, the facet records) starts empty: each timed query is new to it.
        searcher = open(true);
        unkept = open(false);
        double facet_warm_ms = 0;
        if (searcher && mode.mode == "facets+snippets") {
            // As gazette-serve counts its searchers' facet records ahead when it starts; the
            // modes without facets never read them.
            const auto start = Clock::now();
            (void)searcher->warm_facet_records();
            facet_warm_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        }
        std::vector<double> all;
        std::map<std::string, std::vector<double>> by_kind;
        for (const auto& q : queries) {
            const auto start = Clock::now();
            mode.run(q);
            const double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            all.push_back(ms);
            by_kind[q.kind()].push_back(ms);
        }
        auto entry = summary_json(mode.system, mode.mode, summarise(all));
        for (auto& [kind, times] : by_kind) {
            entry["by_kind"][kind] = summary_json(mode.system, mode.mode, summarise(times));
        }
        if (mode.mode == "facets+snippets") {
            entry["facet_warm_ms"] = facet_warm_ms;  // before the timed pass, not in it
        }
        entry["slowest"] = slowest_queries(queries, all, kSlowestShown);
        out["results"].push_back(std::move(entry));
    }
    std::cout << out.dump(2) << '\n';
    return 0;
}

int usage() {
    std::cerr
        << "usage: gazette-bench fts5-index SQLITE_DB JSONL\n"
           "       gazette-bench queries ARTICLES_JSONL GAZETTE_DB [FTS5_DB|-] [COUNT] [MODE]\n"
           "       gazette-bench list-queries ARTICLES_JSONL GAZETTE_DB [COUNT]\n"
           "         MODE: bare, plain, plain-no-feedback, snippets, facets+snippets or bm25\n"
           "               (default: all of them), or facets+snippets-unkept (only when named)\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() == 3 && args[0] == "fts5-index") {
            const long n = fts5_index(args[1], args[2]);
            std::cout << n << '\n';
            return n < 0 ? 3 : 0;
        }
        if (args.size() >= 3 && args[0] == "list-queries") {
            // The queries as gazette-search would take them: to look at or time one by hand.
            const std::size_t count = args.size() > 3 ? std::stoul(args[3]) : 500;
            for (const auto& q : draw_queries(args[1], args[2], count)) {
                const auto request = gazette_request(q, false, false);
                std::cout << q.kind() << '\t' << request.query << '\t'
                          << (request.outlets.empty() ? "" : request.outlets.front()) << '\n';
            }
            return 0;
        }
        if (args.size() >= 3 && args[0] == "queries") {
            const std::string fts5 = args.size() > 3 && args[3] != "-" ? args[3] : "";
            const std::size_t count = args.size() > 4 ? std::stoul(args[4]) : 500;
            const std::string only = args.size() > 5 ? args[5] : "";
            return run_queries(args[1], args[2], fts5, count, only);
        }
        return usage();
    } catch (const Xapian::Error& e) {
        std::cerr << "gazette-bench: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "gazette-bench: " << e.what() << '\n';
    }
    return 3;
}
