#include "bench/fts5.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace gazette::bench {
namespace {

std::string field(const nlohmann::json& j, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (auto it = j.find(key); it != j.end() && it->is_string()) {
            return it->get<std::string>();
        }
    }
    return {};
}

/// A phrase for an FTS5 MATCH expression: double quotes doubled inside.
std::string fts_phrase(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

}  // namespace

long fts5_index(const std::string& db_path, const std::string& jsonl_path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) {
        std::cerr << "fts5: cannot open " << db_path << '\n';
        return -1;
    }
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", nullptr, nullptr, nullptr);
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(id UNINDEXED, title, body, "
                 "outlet UNINDEXED, date UNINDEXED, tokenize='porter unicode61');",
                 nullptr,
                 nullptr,
                 nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr);
    std::ifstream in(jsonl_path);
    std::string line;
    long count = 0;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            continue;
        }
        const std::string values[] = {field(j, {"ID", "id"}),
                                      field(j, {"title"}),
                                      field(j, {"content_original", "body", "text", "content"}),
                                      field(j, {"source", "outlet"}),
                                      field(j, {"date"})};
        for (int i = 0; i < 5; ++i) {
            sqlite3_bind_text(insert,
                              i + 1,
                              values[i].c_str(),
                              static_cast<int>(values[i].size()),
                              SQLITE_TRANSIENT);
        }
        sqlite3_step(insert);
        sqlite3_reset(insert);
        ++count;
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return count;
}

Fts5Searcher::Fts5Searcher(const std::string& db_path) {
    sqlite3_open_v2(db_path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
}

Fts5Searcher::~Fts5Searcher() {
    sqlite3_close(db_);
}

int Fts5Searcher::search(const BenchQuery& query) {
    std::string match;
    std::string words = query.text;
    std::size_t pos = 0;
    while (pos < words.size()) {
        const std::size_t end = words.find(' ', pos);
        const std::string word =
            words.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (!word.empty()) {
            match += (match.empty() ? "" : " OR ") + fts_phrase(word);
        }
        pos = end == std::string::npos ? words.size() : end + 1;
    }
    if (!query.entity.empty()) {
        match = "(" + match + ") AND " + fts_phrase(query.entity);
    }
    std::string sql = "SELECT rowid FROM docs WHERE docs MATCH ?1";
    if (!query.outlet.empty()) {
        sql += " AND outlet = ?2";
    }
    if (!query.month.empty()) {
        sql += " AND substr(date, 1, 7) = ?3";
    }
    sql += " ORDER BY rank LIMIT 10";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        return 0;
    }
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    if (!query.outlet.empty()) {
        sqlite3_bind_text(stmt, 2, query.outlet.c_str(), -1, SQLITE_TRANSIENT);
    }
    if (!query.month.empty()) {
        sqlite3_bind_text(stmt, 3, query.month.c_str(), -1, SQLITE_TRANSIENT);
    }
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++rows;
    }
    sqlite3_finalize(stmt);
    return rows;
}

}  // namespace gazette::bench
