/// @file
/// Helpers for the indexing tests: generated corpora, a run that collects its problem lines,
/// a search expecting one report, and a dump of every document for comparing databases.
#pragma once

#include "indexer/document_builder.hpp"
#include "indexer/indexing_run.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace gazette::testing {

/// A run's summary and the problem lines it printed.
struct IndexRun {
    indexer::IndexSummary summary;
    std::vector<std::string> problems;
};

inline IndexRun index_into(const std::string& db,
                           std::vector<std::string> paths,
                           indexer::IndexRunOptions options = {}) {
    options.db_path = db;
    options.paths = std::move(paths);
    IndexRun run;
    auto summary = indexer::run_indexing(
        options, [&](const InputProblem& p) { run.problems.push_back(p.to_string()); });
    if (!summary) {
        FAIL("run_indexing failed: " << summary.error().message);
    }
    run.summary = *summary;
    return run;
}

/// Words of generated reports, so that searches find many with different weights.
inline const std::vector<std::string>& corpus_words() {
    static const std::vector<std::string> words{
        "kursk",  "troops",    "withdrawal", "drone",  "front",     "brigade", "commander",
        "losses", "offensive", "ceasefire",  "border", "shelling",  "village", "supply",
        "winter", "artillery", "kyiv",       "talks",  "sanctions", "energy"};
    return words;
}

/// The text of generated report `i`: a title, metadata and a few paragraphs of corpus words.
inline std::string generated_body(std::size_t i) {
    const auto& words = corpus_words();
    std::string body;
    std::size_t seed = i * 2654435761u + 12345;
    for (int paragraph = 0; paragraph < 3; ++paragraph) {
        for (int w = 0; w < 40; ++w) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            body += words[(seed >> 33) % words.size()];
            body += w == 39 ? ".\n" : " ";
        }
    }
    return body;
}

inline std::string generated_title(std::size_t i) {
    return "Report " + std::to_string(i) + " on " + corpus_words()[i % corpus_words().size()];
}

inline std::string generated_outlet(std::size_t i) {
    static const std::vector<std::string> outlets{"Kyiv Post", "Flux Daily", "The Example Post"};
    return outlets[i % outlets.size()];
}

/// Writes report `i` as a text file with front matter under `dir`; @return its path.
inline std::string write_text_report(const TempDir& dir, const std::string& name, std::size_t i) {
    return dir.write(name,
                     "---\nid: r" + std::to_string(i) + "\ntitle: " + generated_title(i) +
                         "\noutlet: " + generated_outlet(i) + "\ndate: 2025-01-" +
                         (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "\n---\n" +
                         generated_body(i));
}

/// @return one JSON Lines line of report `i` (id "j<i>").
inline std::string jsonl_report(std::size_t i) {
    std::string body = generated_body(i);
    std::string escaped;
    for (char c : body) {
        escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return "{\"id\": \"j" + std::to_string(i) + "\", \"title\": \"" + generated_title(i) +
           "\", \"source\": \"" + generated_outlet(i) + "\", \"date\": \"2025-02-" +
           (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "\", \"text\": \"" + escaped +
           "\"}\n";
}

/// A corpus of `files` text reports and one feed of `lines` lines, in `dir`/corpus.
inline std::string write_corpus(const TempDir& dir, std::size_t files, std::size_t lines) {
    for (std::size_t i = 0; i < files; ++i) {
        write_text_report(dir, "corpus/text/" + std::to_string(1000 + i) + ".txt", i);
    }
    std::string feed;
    for (std::size_t i = 0; i < lines; ++i) {
        feed += jsonl_report(i);
    }
    dir.write("corpus/feed.jsonl", feed);
    return dir / "corpus";
}

/// @return the one report a search of `query` in `db` finds (the test fails on any other count).
inline Report only_hit(const std::string& db, const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    auto searcher = search::Searcher::open(db);
    REQUIRE(searcher);
    const auto found = searcher->search(request);
    REQUIRE(found);
    REQUIRE(found->hits.size() == 1);
    return found->hits.front().report;
}

/// @return every document of a database as text: docid, terms (wdf, positions), values, data.
inline std::vector<std::string> dump_documents(const std::string& path) {
    Xapian::Database db(path);
    std::vector<std::string> docs;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        std::string text = "#" + std::to_string(*it) + "\n";
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            text += *t + " " + std::to_string(t.get_wdf());
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
                text += " " + std::to_string(*p);
            }
            text += "\n";
        }
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
            text += "value " + std::to_string(v.get_valueno()) + " " + *v + "\n";
        }
        text += doc.get_data();
        docs.push_back(std::move(text));
    }
    return docs;
}

/// @return the value of `slot` of report `id`, or "(none)" when the database lacks it.
inline std::string stored_value(const std::string& path, const std::string& id, unsigned slot) {
    Xapian::Database db(path);
    const std::string term = indexer::id_term(id);
    const auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) {
        return "(none)";
    }
    return db.get_document(*it).get_value(slot);
}

}  // namespace gazette::testing
