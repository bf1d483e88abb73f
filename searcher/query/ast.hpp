/// @file
/// The query tree: what a user's query string means, before it meets the schema or Xapian.
/// Printable as an s-expression, for --explain and for tests.
#pragma once

#include <string>
#include <vector>

namespace gazette::query {

enum class NodeKind {
    Word,      ///< a free-text word; `exact` when written =word, `wildcard` when zelensk*
    Phrase,    ///< a quoted phrase: words in order, matched exactly
    Field,     ///< name:value or name:"value" (value in `text`, field name in `field`)
    All,       ///< every report (a query of only exclusions or only filters)
    And,       ///< a AND b, and +required words
    Or,        ///< a OR b, and the default between plain words
    AndNot,    ///< a NOT b, and -excluded words (first child minus the others)
    AndMaybe,  ///< required words, ranked higher by optional ones
    Xor,       ///< a XOR b
    Near,      ///< a NEAR b, a NEAR/n b: within n words, any order
    Adjacent,  ///< a ADJ b, a ADJ/n b: within n words, in order
    Filter,    ///< first child ranked, the others filter it (field:value beside words)
};

/// What a name before ':' is, as the parser needs to know it.
enum class FieldRole {
    None,    ///< not a field: "a:b" is text
    Text,    ///< a ranked text field (title:): a word like any other
    Filter,  ///< a filter (outlet:, date:): restricts, never ranks; same field ORs, fields AND
};

struct Node {
    NodeKind kind = NodeKind::Word;
    std::string text;   ///< the word, the phrase, or the field value
    std::string field;  ///< for Field: the field name
    bool exact = false;
    /// For Word and Field: written with a trailing '*' (zelensk*, title:zelensk*), it stands for
    /// every word that begins with `text`.
    bool wildcard = false;
    unsigned window = 0;  ///< for Near and Adjacent
    std::vector<Node> children;
};

/// @return the tree as an s-expression: (or (word puls) (word withdrawal)).
[[nodiscard]] std::string to_sexpr(const Node& node);

}  // namespace gazette::query
