/// @file
/// Parses the query syntax users know from Xapian: words, "phrases", field:value and
/// field:"two words", AND/OR/NOT/XOR/NEAR/ADJ (upper case), parentheses, +required, -excluded,
/// =exact. Plain words are OR-ed and ranked; boolean operators bind looser than that default.
/// Knows nothing of Xapian or the schema's prefixes: only which field names exist.
#pragma once

#include "common/error.hpp"
#include "searcher/query/ast.hpp"

#include <functional>
#include <string_view>

namespace gazette::query {

/// Parses a query string. `field_role` says which names before a ':' are fields and how they
/// combine; other `a:b` text is treated as words.
/// @return the tree, or ErrorCode::Query naming the column and what to change (an unclosed
/// quote or parenthesis, an operator with nothing on one side, a field with no value).
[[nodiscard]] Result<Node> parse(std::string_view query,
                                 const std::function<FieldRole(std::string_view)>& field_role);

}  // namespace gazette::query
