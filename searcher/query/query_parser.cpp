#include "searcher/query/query_parser.hpp"

#include <charconv>
#include <map>
#include <optional>

namespace gazette::query {
namespace {

constexpr int kMaxDepth = 64;

enum class TokenKind {
    Word,
    Phrase,
    Field,
    LParen,
    RParen,
    And,
    Or,
    Not,
    Xor,
    Near,
    Adjacent,
    End
};
enum class Modifier { None, Required, Excluded };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;   // word, phrase or field value
    std::string field;  // field name
    bool exact = false;
    bool wildcard = false;
    unsigned window = 0;
    Modifier modifier = Modifier::None;
    std::size_t column = 0;  // 1-based, in characters
};

/// @return the length of an opening quote at s[i] ('"', “ or «), or 0.
std::size_t open_quote_length(std::string_view s, std::size_t i) {
    if (s[i] == '"') {
        return 1;
    }
    if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") {
        return 3;
    }
    if (s.substr(i, 2) == "\xC2\xAB") {
        return 2;
    }
    return 0;
}

/// @return the length of a closing quote at s[i] ('"', ”, “ or »), or 0.
std::size_t close_quote_length(std::string_view s, std::size_t i) {
    if (s[i] == '"') {
        return 1;
    }
    if (s.substr(i, 3) == "\xE2\x80\x9D" || s.substr(i, 3) == "\xE2\x80\x9C") {
        return 3;
    }
    if (s.substr(i, 2) == "\xC2\xBB") {
        return 2;
    }
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

class Lexer {
  public:
    Lexer(std::string_view text, const std::function<FieldRole(std::string_view)>& field_role)
        : text_(text), field_role_(field_role) {}

    Result<std::vector<Token>> run() {
        std::vector<Token> tokens;
        while (true) {
            skip_space();
            if (pos_ >= text_.size()) {
                break;
            }
            auto token = next();
            if (!token) {
                return tl::unexpected(token.error());
            }
            if (token->kind != TokenKind::End) {
                tokens.push_back(std::move(*token));
            }
        }
        Token end;
        end.column = column(text_.size()) + 1;
        tokens.push_back(end);
        return tokens;
    }

  private:
    /// @return how many characters precede byte offset `byte` (UTF-8 aware).
    std::size_t column(std::size_t byte) const {
        std::size_t chars = 0;
        for (std::size_t i = 0; i < byte && i < text_.size(); ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++chars;
            }
        }
        return chars;
    }

    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) {
            ++pos_;
        }
    }

    bool at_word_end(std::size_t i) const {
        return i >= text_.size() || is_space(text_[i]) || text_[i] == '(' || text_[i] == ')' ||
               open_quote_length(text_, i) > 0;
    }

    Result<std::string> read_quoted(std::size_t open_at, std::size_t open_len) {
        std::size_t i = open_at + open_len;
        while (i < text_.size()) {
            if (const std::size_t close = close_quote_length(text_, i); close > 0) {
                std::string inside(text_.substr(open_at + open_len, i - open_at - open_len));
                pos_ = i + close;
                return inside;
            }
            ++i;
        }
        return fail(
            ErrorCode::Query,
            "the quote at column " + std::to_string(column(open_at) + 1) + " is never closed",
            "close the phrase with a matching \"");
    }

    Result<Token> next() {
        Token token;
        const std::size_t start = pos_;
        token.column = column(start) + 1;
        if (text_[pos_] == '+' || text_[pos_] == '-') {
            token.modifier = text_[pos_] == '+' ? Modifier::Required : Modifier::Excluded;
            ++pos_;
            if (pos_ >= text_.size() || is_space(text_[pos_])) {
                token.kind = TokenKind::End;  // a lone + or - means nothing
                return token;
            }
        }
        if (text_[pos_] == '(') {
            ++pos_;
            token.kind = TokenKind::LParen;
            return token;
        }
        if (text_[pos_] == ')') {
            ++pos_;
            token.kind = TokenKind::RParen;
            return token;
        }
        if (const std::size_t q = open_quote_length(text_, pos_); q > 0) {
            auto phrase = read_quoted(pos_, q);
            if (!phrase) {
                return tl::unexpected(phrase.error());
            }
            token.kind = TokenKind::Phrase;
            token.text = std::move(*phrase);
            return token;
        }
        if (text_[pos_] == '=' && pos_ + 1 < text_.size() && !at_word_end(pos_ + 1)) {
            token.exact = true;
            ++pos_;
        }
        std::size_t end = pos_;
        while (!at_word_end(end) && text_[end] != ':') {
            ++end;
        }
        const std::string_view head = text_.substr(pos_, end - pos_);
        if (end < text_.size() && text_[end] == ':' && !token.exact &&
            field_role_(head) != FieldRole::None) {
            return field(token, head, end + 1);
        }
        while (!at_word_end(end)) {
            ++end;
        }
        token.text = std::string(text_.substr(pos_, end - pos_));
        pos_ = end;
        token.kind = TokenKind::Word;
        token.wildcard = strip_wildcard(token.text);
        if (token.modifier == Modifier::None && !token.exact && !token.wildcard) {
            if (auto classified = classify_operator(token); !classified) {
                return tl::unexpected(classified.error());
            }
        }
        return token;
    }

    Result<Token> field(Token token, std::string_view name, std::size_t value_at) {
        token.kind = TokenKind::Field;
        token.field = std::string(name);
        pos_ = value_at;
        if (pos_ < text_.size()) {
            if (const std::size_t q = open_quote_length(text_, pos_); q > 0) {
                auto value = read_quoted(pos_, q);
                if (!value) {
                    return tl::unexpected(value.error());
                }
                token.text = std::move(*value);
            } else {
                std::size_t end = pos_;
                while (!at_word_end(end)) {
                    ++end;
                }
                token.text = std::string(text_.substr(pos_, end - pos_));
                token.wildcard = strip_wildcard(token.text);
                pos_ = end;
            }
        }
        if (token.text.find_first_not_of(" \t") == std::string::npos) {
            return fail(ErrorCode::Query,
                        "'" + token.field + ":' at column " + std::to_string(token.column) +
                            " has no value",
                        "write a value after the colon, e.g. outlet:\"Kyiv Post\"");
        }
        return token;
    }

    /// Takes the '*' off the end of a word written zelensk*. @return true when there was one.
    static bool strip_wildcard(std::string& text) {
        if (text.empty() || text.back() != '*') {
            return false;
        }
        while (!text.empty() && text.back() == '*') {
            text.pop_back();
        }
        return true;
    }

    /// Makes an operator of an operator word (AND, NEAR/5). @return an error for NEAR or ADJ
    /// with a distance that is digits but no usable number (NEAR/0), which would otherwise be
    /// searched as a word.
    static Result<void> classify_operator(Token& token) {
        static const std::map<std::string, TokenKind, std::less<>> kOperators = {
            {"AND", TokenKind::And},
            {"OR", TokenKind::Or},
            {"NOT", TokenKind::Not},
            {"XOR", TokenKind::Xor},
            {"NEAR", TokenKind::Near},
            {"ADJ", TokenKind::Adjacent}};
        std::string_view word = token.text;
        unsigned window = 10;
        if (const auto slash = word.find('/'); slash != std::string_view::npos) {
            const std::string_view number = word.substr(slash + 1);
            unsigned parsed = 0;
            const auto [ptr, ec] =
                std::from_chars(number.data(), number.data() + number.size(), parsed);
            word = word.substr(0, slash);
            // NEAR/ followed by digits only; anything else ("TCP/80", "NEAR/far") is a word.
            const bool digits =
                ec != std::errc::invalid_argument && ptr == number.data() + number.size();
            if ((word != "NEAR" && word != "ADJ") || !digits) {
                return {};
            }
            if (ec != std::errc() || parsed == 0) {
                return fail(
                    ErrorCode::Query,
                    "'" + token.text + "' at column " + std::to_string(token.column) +
                        " has no usable distance",
                    "write how many words apart, from 1 up, e.g. " + std::string(word) + "/5");
            }
            window = parsed;
        }
        if (auto it = kOperators.find(word); it != kOperators.end()) {
            token.kind = it->second;
            token.window = window;
        }
        return {};
    }

    std::string_view text_;
    const std::function<FieldRole(std::string_view)>& field_role_;
    std::size_t pos_ = 0;
};

std::string_view operator_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::And:
            return "AND";
        case TokenKind::Or:
            return "OR";
        case TokenKind::Not:
            return "NOT";
        case TokenKind::Xor:
            return "XOR";
        case TokenKind::Near:
            return "NEAR";
        case TokenKind::Adjacent:
            return "ADJ";
        default:
            return "?";
    }
}

Node make(NodeKind kind, std::vector<Node> children) {
    Node node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
}

/// Joins nodes with an operator, flattening a run of the same operator.
Node join(NodeKind kind, Node lhs, Node rhs) {
    if (lhs.kind == kind && kind != NodeKind::AndNot) {
        lhs.children.push_back(std::move(rhs));
        return lhs;
    }
    return make(kind, {std::move(lhs), std::move(rhs)});
}

/// What to write where the parser wanted a word and found an operator or nothing.
constexpr const char* kExpectedWordHint = "write a word, a \"phrase\" or a field:value there";

class Parser {
  public:
    Parser(std::vector<Token> tokens, const std::function<FieldRole(std::string_view)>& field_role)
        : tokens_(std::move(tokens)), field_role_(field_role) {}

    Result<Node> run() {
        if (peek().kind == TokenKind::End) {
            return make(NodeKind::All, {});
        }
        auto node = parse_or(0);
        if (!node) {
            return node;
        }
        if (peek().kind == TokenKind::RParen) {
            return error_at(peek(), "unmatched ')'", "remove it or add the '(' it closes");
        }
        return node;
    }

  private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_++]; }

    static tl::unexpected<Error> error_at(const Token& token,
                                          const std::string& what,
                                          std::string hint) {
        return fail(
            ErrorCode::Query, what + " at column " + std::to_string(token.column), std::move(hint));
    }

    static tl::unexpected<Error> dangling(const Token& op, bool before) {
        const std::string name(operator_name(op.kind));
        return fail(ErrorCode::Query,
                    "'" + name + "' at column " + std::to_string(op.column) + " has nothing " +
                        (before ? "before" : "after") + " it",
                    "put a query on both sides, e.g. 'Puls " + name +
                        " withdrawal', or quote it to search for the word: \"" + name + "\"");
    }

    Result<Node> parse_or(int depth) {
        return parse_binary(
            depth, TokenKind::Or, NodeKind::Or, [this](int d) { return parse_xor(d); });
    }

    Result<Node> parse_xor(int depth) {
        return parse_binary(
            depth, TokenKind::Xor, NodeKind::Xor, [this](int d) { return parse_and(d); });
    }

    template <class Next>
    Result<Node> parse_binary(int depth, TokenKind op, NodeKind kind, Next next) {
        if (peek().kind == op) {
            return dangling(peek(), true);
        }
        auto lhs = next(depth);
        if (!lhs) {
            return lhs;
        }
        while (peek().kind == op) {
            const Token& op_token = take();
            if (starts_nothing(peek().kind)) {
                return dangling(op_token, false);
            }
            auto rhs = next(depth);
            if (!rhs) {
                return rhs;
            }
            lhs = join(kind, std::move(*lhs), std::move(*rhs));
        }
        return lhs;
    }

    static bool starts_nothing(TokenKind kind) {
        return kind == TokenKind::End || kind == TokenKind::RParen || kind == TokenKind::Or ||
               kind == TokenKind::Xor || kind == TokenKind::And || kind == TokenKind::Near ||
               kind == TokenKind::Adjacent;
    }

    Result<Node> parse_and(int depth) {
        if (peek().kind == TokenKind::And) {
            return dangling(peek(), true);
        }
        std::optional<Node> lhs;
        if (peek().kind == TokenKind::Not) {
            lhs = make(NodeKind::All, {});  // "NOT x": everything but x
        } else {
            auto seq = parse_sequence(depth);
            if (!seq) {
                return seq;
            }
            lhs = std::move(*seq);
        }
        while (peek().kind == TokenKind::And || peek().kind == TokenKind::Not) {
            const Token& op_token = take();
            NodeKind kind = op_token.kind == TokenKind::And ? NodeKind::And : NodeKind::AndNot;
            if (op_token.kind == TokenKind::And && peek().kind == TokenKind::Not) {
                take();
                kind = NodeKind::AndNot;
            }
            if (starts_nothing(peek().kind) || peek().kind == TokenKind::Not) {
                return dangling(op_token, false);
            }
            auto rhs = parse_sequence(depth);
            if (!rhs) {
                return rhs;
            }
            lhs = join(kind, std::move(*lhs), std::move(*rhs));
        }
        return std::move(*lhs);
    }

    /// Words side by side: optional ones OR, +required ones AND, -excluded ones AND NOT, and
    /// filter fields restrict the rest.
    Result<Node> parse_sequence(int depth) {
        std::vector<Node> optional;
        std::vector<Node> required;
        std::vector<Node> excluded;
        std::vector<std::pair<std::string, Node>> filters;
        while (true) {
            const TokenKind kind = peek().kind;
            if (kind != TokenKind::Word && kind != TokenKind::Phrase && kind != TokenKind::Field &&
                kind != TokenKind::LParen) {
                break;
            }
            const Modifier modifier = peek().modifier;
            const bool is_filter =
                kind == TokenKind::Field && field_role_(peek().field) == FieldRole::Filter;
            const std::string field = peek().field;
            auto item = parse_near(depth);
            if (!item) {
                return item;
            }
            if (modifier == Modifier::Excluded) {
                excluded.push_back(std::move(*item));
            } else if (is_filter) {
                filters.emplace_back(field, std::move(*item));
            } else if (modifier == Modifier::Required) {
                required.push_back(std::move(*item));
            } else {
                optional.push_back(std::move(*item));
            }
        }
        if (optional.empty() && required.empty() && excluded.empty() && filters.empty()) {
            if (peek().kind == TokenKind::RParen) {
                return error_at(peek(), "unmatched ')'", "remove it or add the '(' it closes");
            }
            if (peek().kind == TokenKind::Near || peek().kind == TokenKind::Adjacent) {
                return dangling(peek(), true);
            }
            return error_at(peek(), "expected a word", kExpectedWordHint);
        }
        return combine(
            std::move(optional), std::move(required), std::move(excluded), std::move(filters));
    }

    static Node one_or(NodeKind kind, std::vector<Node> nodes) {
        if (nodes.size() == 1) {
            return std::move(nodes.front());
        }
        return make(kind, std::move(nodes));
    }

    static Node combine(std::vector<Node> optional,
                        std::vector<Node> required,
                        std::vector<Node> excluded,
                        std::vector<std::pair<std::string, Node>> filters) {
        Node ranked;
        if (!required.empty()) {
            ranked = one_or(NodeKind::And, std::move(required));
            if (!optional.empty()) {
                ranked = make(NodeKind::AndMaybe,
                              {std::move(ranked), one_or(NodeKind::Or, std::move(optional))});
            }
        } else if (!optional.empty()) {
            ranked = one_or(NodeKind::Or, std::move(optional));
        } else {
            ranked = make(NodeKind::All, {});
        }
        if (!filters.empty()) {
            // Xapian's boolean-prefix rule: values of one field OR, different fields AND.
            std::map<std::string, std::vector<Node>> by_field;
            std::vector<std::string> order;
            for (auto& [field, node] : filters) {
                if (by_field.find(field) == by_field.end()) {
                    order.push_back(field);
                }
                by_field[field].push_back(std::move(node));
            }
            std::vector<Node> children{std::move(ranked)};
            for (const auto& field : order) {
                children.push_back(one_or(NodeKind::Or, std::move(by_field[field])));
            }
            ranked = make(NodeKind::Filter, std::move(children));
        }
        if (!excluded.empty()) {
            std::vector<Node> children{std::move(ranked)};
            for (auto& node : excluded) {
                children.push_back(std::move(node));
            }
            ranked = make(NodeKind::AndNot, std::move(children));
        }
        return ranked;
    }

    Result<Node> parse_near(int depth) {
        auto lhs = parse_primary(depth);
        if (!lhs) {
            return lhs;
        }
        while (peek().kind == TokenKind::Near || peek().kind == TokenKind::Adjacent) {
            const Token op_token = take();
            const NodeKind kind =
                op_token.kind == TokenKind::Near ? NodeKind::Near : NodeKind::Adjacent;
            if (peek().kind != TokenKind::Word && peek().kind != TokenKind::Phrase) {
                if (starts_nothing(peek().kind)) {
                    return dangling(op_token, false);
                }
                return error_at(op_token,
                                std::string("'") + std::string(operator_name(op_token.kind)) + "'",
                                "NEAR and ADJ join plain words or phrases");
            }
            if (lhs->kind != NodeKind::Word && lhs->kind != NodeKind::Phrase && lhs->kind != kind) {
                return error_at(op_token,
                                std::string("'") + std::string(operator_name(op_token.kind)) + "'",
                                "NEAR and ADJ join plain words or phrases");
            }
            auto rhs = parse_primary(depth);
            if (!rhs) {
                return rhs;
            }
            if (lhs->kind == kind) {
                lhs->children.push_back(std::move(*rhs));
                lhs->window = std::max(lhs->window, op_token.window);
            } else {
                Node node = make(kind, {std::move(*lhs), std::move(*rhs)});
                node.window = op_token.window;
                lhs = std::move(node);
            }
        }
        return lhs;
    }

    Result<Node> parse_primary(int depth) {
        const Token& token = take();
        switch (token.kind) {
            case TokenKind::LParen: {
                if (depth >= kMaxDepth) {
                    return error_at(
                        token, "parentheses nested too deeply", "use fewer than 64 levels");
                }
                if (peek().kind == TokenKind::RParen) {
                    return error_at(token, "empty parentheses", "put words inside, or remove them");
                }
                auto inner = parse_or(depth + 1);
                if (!inner) {
                    return inner;
                }
                if (peek().kind != TokenKind::RParen) {
                    return error_at(token, "'(' is never closed", "add the ')' that closes it");
                }
                take();
                return inner;
            }
            case TokenKind::Word: {
                Node node;
                node.kind = NodeKind::Word;
                node.text = token.text;
                node.exact = token.exact;
                node.wildcard = token.wildcard;
                return node;
            }
            case TokenKind::Phrase: {
                Node node;
                node.kind = NodeKind::Phrase;
                node.text = token.text;
                return node;
            }
            case TokenKind::Field: {
                Node node;
                node.kind = NodeKind::Field;
                node.field = token.field;
                node.text = token.text;
                node.wildcard = token.wildcard;
                return node;
            }
            default:
                return error_at(token, "expected a word", kExpectedWordHint);
        }
    }

    std::vector<Token> tokens_;
    const std::function<FieldRole(std::string_view)>& field_role_;
    std::size_t pos_ = 0;
};

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

}  // namespace

Result<Node> parse(std::string_view query,
                   const std::function<FieldRole(std::string_view)>& field_role) {
    Lexer lexer(query, field_role);
    auto tokens = lexer.run();
    if (!tokens) {
        return tl::unexpected(tokens.error());
    }
    Parser parser(std::move(*tokens), field_role);
    return parser.run();
}

std::string to_sexpr(const Node& node) {
    switch (node.kind) {
        case NodeKind::Word:
            if (node.wildcard) {
                return "(wildcard " + node.text + ")";
            }
            return std::string(node.exact ? "(exact " : "(word ") + node.text + ")";
        case NodeKind::Phrase:
            return "(phrase " + quoted(node.text) + ")";
        case NodeKind::Field:
            return std::string(node.wildcard ? "(field-wildcard " : "(field ") + node.field + " " +
                   quoted(node.text) + ")";
        case NodeKind::All:
            return "(all)";
        default:
            break;
    }
    std::string name;
    switch (node.kind) {
        case NodeKind::And:
            name = "and";
            break;
        case NodeKind::Or:
            name = "or";
            break;
        case NodeKind::AndNot:
            name = "and-not";
            break;
        case NodeKind::AndMaybe:
            name = "and-maybe";
            break;
        case NodeKind::Xor:
            name = "xor";
            break;
        case NodeKind::Near:
            name = "near/" + std::to_string(node.window);
            break;
        case NodeKind::Adjacent:
            name = "adj/" + std::to_string(node.window);
            break;
        case NodeKind::Filter:
            name = "filter";
            break;
        default:
            break;
    }
    std::string out = "(" + name;
    for (const auto& child : node.children) {
        out += " " + to_sexpr(child);
    }
    return out + ")";
}

}  // namespace gazette::query
