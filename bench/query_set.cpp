#include "bench/query_set.hpp"

#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "common/text/analyzer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace gazette::bench {
namespace {

struct Article {
    std::string id;
    std::string title;
    std::string outlet;
    std::string date;
};

std::vector<Article> read_articles(const std::string& path) {
    std::vector<Article> articles;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            continue;
        }
        Article a;
        a.id = j.contains("ID") ? j.value("ID", "") : j.value("id", "");
        a.title = j.value("title", "");
        a.outlet = j.contains("source") ? j.value("source", "") : j.value("outlet", "");
        a.date = j.value("date", "");
        articles.push_back(std::move(a));
    }
    return articles;
}

/// The title's content words: letters only, three or more, no stopwords.
std::vector<std::string> content_words(const std::string& title, text::Analyzer& analyzer) {
    std::vector<std::string> words;
    analyzer.for_each_token(title, [&](const text::Token& t) {
        const bool letters = std::all_of(
            t.term.begin(), t.term.end(), [](char c) { return (c >= 'a' && c <= 'z'); });
        if (letters && t.term.size() >= 3 && !text::Analyzer::is_stopword(t.term)) {
            words.push_back(t.term);
        }
    });
    return words;
}

std::string first_entity(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::boolean_term("id", id);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) {
        return {};
    }
    auto report = load_report(db.get_document(*it), WithBody::No);
    if (!report || report->entities.empty()) {
        return {};
    }
    return report->entities.front().name;
}

}  // namespace

std::string BenchQuery::kind() const {
    if (!outlet.empty()) {
        return "outlet";
    }
    if (!month.empty()) {
        return "date";
    }
    if (!entity.empty()) {
        return "entity";
    }
    return "plain";
}

std::vector<BenchQuery> draw_queries(const std::string& jsonl_path,
                                     const std::string& gazette_db,
                                     std::size_t count) {
    const auto articles = read_articles(jsonl_path);
    std::vector<BenchQuery> queries;
    if (articles.empty()) {
        return queries;
    }
    Xapian::Database db(gazette_db);
    text::Analyzer analyzer;
    const std::size_t step = std::max<std::size_t>(1, articles.size() / (count * 2));
    for (std::size_t i = 0; queries.size() < count && i < articles.size() * 2; ++i) {
        const Article& a = articles[(i * step) % articles.size()];
        const auto words = content_words(a.title, analyzer);
        const std::size_t want = 2 + queries.size() % 4;
        if (words.size() < 2) {
            continue;
        }
        BenchQuery q;
        for (std::size_t w = 0; w < std::min(want, words.size()); ++w) {
            q.text += (q.text.empty() ? "" : " ") + words[w];
        }
        switch (queries.size() % 4) {
            case 1:
                q.outlet = a.outlet;
                break;
            case 2:
                if (a.date.size() >= 7 && a.date[4] == '-') {
                    q.month = a.date.substr(0, 7);
                }
                break;
            case 3:
                q.entity = first_entity(db, a.id);
                break;
            default:
                break;
        }
        queries.push_back(std::move(q));
    }
    return queries;
}

}  // namespace gazette::bench
