#include "searcher/suggestion.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace gazette::search {
namespace {

/// Edits a correction may make (Xapian's default): "withdrawl" -> "withdrawal" is one.
constexpr unsigned kMaxEdits = 2;

using Replacement = std::pair<std::string, std::string>;  // as written -> corrected

void collect_texts(const query::Node& node, std::vector<const query::Node*>& out) {
    using query::NodeKind;
    // Not wildcards: "zelensk*" is a word start, not a misspelt word.
    if ((node.kind == NodeKind::Word && !node.exact && !node.wildcard) ||
        node.kind == NodeKind::Phrase ||
        (node.kind == NodeKind::Field && node.field == "title" && !node.wildcard)) {
        out.push_back(&node);
    }
    for (const auto& child : node.children) {
        collect_texts(child, out);
    }
}

bool has_digit(const std::string& s) {
    return std::any_of(
        s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<std::string> spelling_suggestion(const Xapian::Database& database,
                                               const std::string& query,
                                               const query::Node& tree,
                                               text::Analyzer& analyzer) {
    std::vector<const query::Node*> nodes;
    collect_texts(tree, nodes);
    std::vector<Replacement> replacements;
    for (const auto* node : nodes) {
        for (const auto& token : analyzer.tokenize(node->text)) {
            const std::string& term = token.term;
            if (has_digit(term) ||
                database.term_exists(schema::word_term(schema::prefix::kBody, term)) ||
                database.term_exists(
                    schema::stem_term(schema::prefix::kBody, analyzer.stem(term)))) {
                continue;
            }
            std::string correction = database.get_spelling_suggestion(term, kMaxEdits);
            if (correction.empty() || correction == term) {
                continue;
            }
            std::string written = node->text.substr(token.begin, token.end - token.begin);
            // Corrections come back lower-cased: keep a capital the user typed.
            if (!written.empty() &&
                std::isupper(static_cast<unsigned char>(written.front())) != 0) {
                correction.front() =
                    static_cast<char>(std::toupper(static_cast<unsigned char>(correction.front())));
            }
            replacements.emplace_back(std::move(written), std::move(correction));
        }
    }
    if (replacements.empty()) {
        return std::nullopt;
    }
    std::string corrected = query;
    std::size_t from = 0;
    for (const auto& [written, correction] : replacements) {
        const std::size_t at = corrected.find(written, from);
        if (at == std::string::npos) {
            continue;
        }
        corrected.replace(at, written.size(), correction);
        from = at + correction.size();
    }
    if (corrected == query) {
        return std::nullopt;
    }
    return corrected;
}

}  // namespace gazette::search
