/// @file
/// The benchmark's queries: drawn deterministically from article titles (2 to 5 words), a
/// quarter of them filtered by the article's outlet, a quarter by its month, a quarter by one of
/// its entities, so that every system answers the same questions.
#pragma once

#include <string>
#include <vector>

namespace gazette::bench {

struct BenchQuery {
    std::string text;          ///< the words, space-separated
    std::string outlet;        ///< filter: outlet display name, or empty
    std::string month;         ///< filter: "YYYY-MM", or empty
    std::string entity;        ///< filter: canonical entity name, or empty
    std::string kind() const;  ///< "plain", "outlet", "date" or "entity"
};

/// Reads JSONL articles (AllSides or Gazette field names) and draws `count` queries from them.
/// Entity filters take an entity of the same article from the Gazette database at `gazette_db`
/// (when the database has none, that query stays unfiltered).
[[nodiscard]] std::vector<BenchQuery> draw_queries(const std::string& jsonl_path,
                                                   const std::string& gazette_db,
                                                   std::size_t count);

}  // namespace gazette::bench
