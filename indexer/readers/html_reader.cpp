#include "common/dates.hpp"
#include "common/text/analyzer.hpp"
#include "indexer/readers/metadata.hpp"
#include "indexer/readers/reader.hpp"

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <utility>

namespace gazette::indexer {
namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Small string helpers

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

/// Collapses runs of white space (no-break spaces included) into one space, and trims.
std::string collapse_space(std::string_view s) {
    std::string out;
    bool pending = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = s.substr(i).starts_with("\xC2\xA0");
        if (nbsp || std::isspace(static_cast<unsigned char>(s[i]))) {
            pending = !out.empty();
            i += nbsp ? 1 : 0;
            continue;
        }
        if (pending) {
            out += ' ';
            pending = false;
        }
        out += s[i];
    }
    return out;
}

void set_if_empty(std::string& field, std::string_view value) {
    if (field.empty()) {
        field = collapse_space(value);
    }
}

// ---------------------------------------------------------------------------------------------
// The parsed page: gumbo's tree, freed however we leave.

struct GumboDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboDeleter>;

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool has_tag(const GumboNode* node, GumboTag tag) {
    return is_element(node) && node->v.element.tag == tag;
}

const GumboVector* children_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
        return &node->v.document.children;
    }
    return is_element(node) ? &node->v.element.children : nullptr;
}

const GumboNode* child_at(const GumboVector& children, unsigned int i) {
    return static_cast<const GumboNode*>(children.data[i]);
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) {
        return {};
    }
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr == nullptr ? std::string_view{} : std::string_view(attr->value);
}

/// Visits the elements under root in document order, without recursion (broken pages can nest
/// thousands deep). `visit` returns false to skip an element's children.
template <class Visit>
void for_each_element(const GumboNode* root, Visit visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (is_element(node) && !visit(node)) {
            continue;
        }
        if (const GumboVector* children = children_of(node)) {
            for (unsigned int i = children->length; i > 0; --i) {
                stack.push_back(child_at(*children, i - 1));
            }
        }
    }
}

std::vector<const GumboNode*> find_all(const GumboNode* root, GumboTag tag) {
    std::vector<const GumboNode*> found;
    for_each_element(root, [&](const GumboNode* node) {
        if (has_tag(node, tag)) {
            found.push_back(node);
        }
        return true;
    });
    return found;
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
    const GumboNode* found = nullptr;
    for_each_element(root, [&](const GumboNode* node) {
        if (found == nullptr && has_tag(node, tag)) {
            found = node;
        }
        return found == nullptr;
    });
    return found;
}

/// The raw text of an element's text children (a <script>, a <title>).
std::string own_text(const GumboNode* node) {
    std::string out;
    if (const GumboVector* children = children_of(node)) {
        for (unsigned int i = 0; i < children->length; ++i) {
            const GumboNode* child = child_at(*children, i);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
                child->type == GUMBO_NODE_WHITESPACE) {
                out += child->v.text.text;
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Article text

/// Page furniture and non-text: never article text.
bool is_skipped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_HEAD:
            return true;
        default:
            return false;
    }
}

/// Elements that start and end a paragraph.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
            return true;
        default:
            return false;
    }
}

/// Builds paragraphs from text runs: white space collapsed, blocks break paragraphs.
class ParagraphBuilder {
  public:
    void add_text(std::string_view text) { current_ += text; }
    void add_space() { current_ += ' '; }

    void end_paragraph() {
        std::string paragraph = collapse_space(current_);
        if (!paragraph.empty()) {
            paragraphs_.push_back(std::move(paragraph));
        }
        current_.clear();
    }

    std::string text() {
        end_paragraph();
        std::string out;
        for (const auto& paragraph : paragraphs_) {
            out += out.empty() ? "" : "\n";
            out += paragraph;
        }
        return out;
    }

  private:
    std::string current_;
    std::vector<std::string> paragraphs_;
};

/// @return the text under root, one paragraph a line.
std::string extract_text(const GumboNode* root) {
    ParagraphBuilder builder;
    // (node, closing): a block element is visited on the way in and on the way out.
    std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
    while (!stack.empty()) {
        const auto [node, closing] = stack.back();
        stack.pop_back();
        if (closing) {
            builder.end_paragraph();
            continue;
        }
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            builder.add_text(node->v.text.text);
            continue;
        }
        if (node->type == GUMBO_NODE_WHITESPACE) {
            builder.add_space();
            continue;
        }
        if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) {
            continue;  // comments
        }
        if (is_element(node)) {
            const GumboTag tag = node->v.element.tag;
            if (is_skipped(tag) || node->type == GUMBO_NODE_TEMPLATE ||
                gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) {
                continue;
            }
            if (is_block(tag)) {
                builder.end_paragraph();
                stack.emplace_back(node, true);
            } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
                builder.add_space();  // table cells are words apart
            }
        }
        const GumboVector* children = children_of(node);
        for (unsigned int i = children->length; i > 0; --i) {
            stack.emplace_back(child_at(*children, i - 1), false);
        }
    }
    return builder.text();
}

struct ArticleText {
    const GumboNode* root = nullptr;
    std::string text;
};

/// The article's text: from the <article> with the most text (pages also mark up teasers of
/// other stories as articles), else <main>, else <body>.
ArticleText find_article_text(const GumboNode* document) {
    ArticleText best;
    for (const GumboNode* article : find_all(document, GUMBO_TAG_ARTICLE)) {
        std::string text = extract_text(article);
        if (text.size() > best.text.size()) {
            best = {article, std::move(text)};
        }
    }
    for (GumboTag tag : {GUMBO_TAG_MAIN, GUMBO_TAG_BODY}) {
        if (!best.text.empty()) {
            break;
        }
        if (const GumboNode* node = find_first(document, tag)) {
            best = {node, extract_text(node)};
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// Metadata

/// What the page says about itself. Each field is filled by the most trusted source that has
/// it: JSON-LD, then meta tags, then the rest of the markup; dates have their own order.
struct PageMeta {
    std::string title;
    std::string outlet;
    std::string author;
    std::string url;
    std::string language;
    std::string json_body;  ///< JSON-LD articleBody, for pages that render text by script
    // Publication date candidates by where they come from.
    std::vector<std::string> published_time;  ///< article:published_time, meta datePublished
    std::vector<std::string> time_element;    ///< the article's first <time datetime>
    std::vector<std::string> json_ld_date;    ///< JSON-LD datePublished
    std::vector<std::string> other_date;      ///< meta name=date, pubdate, dc.date...

    /// @return the candidates, most trusted first: article:published_time, <time datetime>,
    /// JSON-LD datePublished (the order), then the looser meta tags.
    [[nodiscard]] std::vector<std::string> dates() const {
        std::vector<std::string> all;
        for (const auto* list : {&published_time, &time_element, &json_ld_date, &other_date}) {
            all.insert(all.end(), list->begin(), list->end());
        }
        return all;
    }
};

/// JSON-LD strings often carry HTML entities ("Ukraine&#8217;s", "&amp;"): gumbo decodes them
/// as it decodes the page. Text with markup in it is left as it is.
std::string decode_entities(std::string_view text) {
    if (text.find('&') == std::string_view::npos || text.find('<') != std::string_view::npos) {
        return std::string(text);
    }
    const GumboTree fragment(
        gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size()));
    return extract_text(fragment->document);
}

/// A JSON-LD value that names something: "X", {"name": "X"}, or a list of those ("A, B").
std::string json_name(const Json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_object()) {
        const auto name = value.find("name");
        return name != value.end() ? json_name(*name) : std::string();
    }
    std::string names;
    if (value.is_array()) {
        for (const auto& item : value) {
            const std::string name = json_name(item);
            if (!name.empty()) {
                names += names.empty() ? "" : ", ";
                names += name;
            }
        }
    }
    return names;
}

/// A JSON-LD link: "https://...", or {"@id": "https://..."} / {"url": "..."}.
std::string json_link(const Json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_object()) {
        for (const char* key : {"@id", "url"}) {
            if (const auto it = value.find(key); it != value.end() && it->is_string()) {
                return it->get<std::string>();
            }
        }
    }
    return {};
}

std::string json_field(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_article_type(const Json& type) {
    if (type.is_array()) {
        return std::any_of(
            type.begin(), type.end(), [](const Json& t) { return is_article_type(t); });
    }
    if (!type.is_string()) {
        return false;
    }
    // NewsArticle, ReportageNewsArticle, AnalysisNewsArticle, BlogPosting, LiveBlogPosting...
    const std::string name = type.get<std::string>();
    return name.ends_with("Article") || name.ends_with("BlogPosting");
}

/// @return the first article object of a JSON-LD block: an object, an array, or an @graph.
const Json* find_json_article(const Json& value, int depth = 0) {
    if (depth > 8) {
        return nullptr;
    }
    if (value.is_array()) {
        for (const auto& item : value) {
            if (const Json* found = find_json_article(item, depth + 1)) {
                return found;
            }
        }
        return nullptr;
    }
    if (!value.is_object()) {
        return nullptr;
    }
    if (const auto type = value.find("@type"); type != value.end() && is_article_type(*type)) {
        return &value;
    }
    const auto graph = value.find("@graph");
    return graph != value.end() ? find_json_article(*graph, depth + 1) : nullptr;
}

void read_json_ld(const GumboNode* document, PageMeta& meta) {
    for (const GumboNode* script : find_all(document, GUMBO_TAG_SCRIPT)) {
        if (lower_ascii(trim(attribute(script, "type"))) != "application/ld+json") {
            continue;
        }
        const Json value = Json::parse(own_text(script), nullptr, /*allow_exceptions=*/false);
        const Json* article = value.is_discarded() ? nullptr : find_json_article(value);
        if (article == nullptr) {
            continue;
        }
        set_if_empty(meta.title, decode_entities(json_field(*article, "headline")));
        if (const auto it = article->find("author"); it != article->end()) {
            set_if_empty(meta.author, decode_entities(json_name(*it)));
        }
        if (const auto it = article->find("publisher"); it != article->end()) {
            set_if_empty(meta.outlet, decode_entities(json_name(*it)));
        }
        set_if_empty(meta.url, json_field(*article, "url"));
        if (const auto it = article->find("mainEntityOfPage"); it != article->end()) {
            set_if_empty(meta.url, json_link(*it));
        }
        meta.json_body = json_field(*article, "articleBody");  // keeps its line breaks
        const std::string published = json_field(*article, "datePublished");
        if (!published.empty()) {
            meta.json_ld_date.push_back(published);
        }
        return;  // the first article is the page's
    }
}

/// Authors given as a link to a profile page are not names.
bool is_link(std::string_view value) {
    return value.starts_with("http://") || value.starts_with("https://") || value.starts_with("//");
}

void read_meta_tags(const GumboNode* document, PageMeta& meta) {
    std::string og_title;
    std::string twitter_title;
    for (const GumboNode* tag : find_all(document, GUMBO_TAG_META)) {
        std::string key = lower_ascii(attribute(tag, "property"));
        if (key.empty()) {
            key = lower_ascii(attribute(tag, "name"));
        }
        if (key.empty()) {
            key = lower_ascii(attribute(tag, "itemprop"));
        }
        const std::string_view content = trim(attribute(tag, "content"));
        if (key.empty() || content.empty()) {
            continue;
        }
        if (key == "og:title") {
            set_if_empty(og_title, content);
        } else if (key == "twitter:title") {
            set_if_empty(twitter_title, content);
        } else if (key == "og:site_name") {
            set_if_empty(meta.outlet, content);
        } else if (key == "og:url") {
            set_if_empty(meta.url, content);
        } else if ((key == "article:author" || key == "author") && !is_link(content)) {
            set_if_empty(meta.author, content);
        } else if (key == "article:published_time" || key == "datepublished") {
            meta.published_time.emplace_back(content);
        } else if (key == "date" || key == "pubdate" || key == "publishdate" ||
                   key == "publish-date" || key == "dc.date" || key == "dc.date.issued" ||
                   key == "dcterms.date") {
            meta.other_date.emplace_back(content);
        }
    }
    set_if_empty(meta.title, og_title);
    set_if_empty(meta.title, twitter_title);
}

/// "Title | Site", "Title - Site": the suffix goes when it is the outlet's name.
std::string strip_site_suffix(std::string title, std::string_view outlet) {
    if (outlet.empty()) {
        return title;
    }
    const std::string outlet_key = text::fold_key(outlet);
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
        const auto at = title.rfind(sep);
        if (at != std::string::npos && at > 0 &&
            text::fold_key(std::string_view(title).substr(at + sep.size())) == outlet_key) {
            return std::string(trim(std::string_view(title).substr(0, at)));
        }
    }
    return title;
}

/// The rest of the markup: canonical link, <time datetime> in the article, <title>, <h1>,
/// <html lang>.
void read_markup(const GumboNode* document, const GumboNode* article, PageMeta& meta) {
    for (const GumboNode* link : find_all(document, GUMBO_TAG_LINK)) {
        if (lower_ascii(trim(attribute(link, "rel"))) == "canonical") {
            set_if_empty(meta.url, trim(attribute(link, "href")));
            break;
        }
    }
    if (article != nullptr) {
        for (const GumboNode* time : find_all(article, GUMBO_TAG_TIME)) {
            if (const auto datetime = trim(attribute(time, "datetime")); !datetime.empty()) {
                meta.time_element.emplace_back(datetime);
                break;
            }
        }
    }
    if (const GumboNode* title = find_first(document, GUMBO_TAG_TITLE)) {
        set_if_empty(meta.title, own_text(title));
    }
    if (const GumboNode* h1 = find_first(article != nullptr ? article : document, GUMBO_TAG_H1)) {
        set_if_empty(meta.title, extract_text(h1));
    }
    meta.title = strip_site_suffix(meta.title, meta.outlet);
    if (const GumboNode* html = find_first(document, GUMBO_TAG_HTML)) {
        // "en-US" -> "en": the language, not the region.
        const std::string lang = lower_ascii(trim(attribute(html, "lang")));
        const std::string primary = lang.substr(0, lang.find_first_of("-_"));
        if (primary.size() >= 2 && primary.size() <= 3 &&
            std::all_of(
                primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            meta.language = primary;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// parse_date(), and the forms pages add around it: a weekday before ("Fri, 31 Jan 2025") or a
/// time after ("January 31, 2025 10:00 AM").
std::optional<CalendarDate> parse_page_date(std::string_view text) {
    text = trim(text);
    if (auto date = parse_date(text)) {
        return date;
    }
    if (const auto comma = text.find(','); comma != std::string_view::npos && comma <= 9 &&
                                           std::isalpha(static_cast<unsigned char>(text[0]))) {
        if (auto date = parse_page_date(text.substr(comma + 1))) {
            return date;
        }
    }
    std::size_t end = text.size();
    for (int words = 0; words < 3; ++words) {
        end = text.rfind(' ', end - 1);
        if (end == std::string_view::npos || end == 0) {
            break;
        }
        if (auto date = parse_date(text.substr(0, end))) {
            return date;
        }
    }
    return std::nullopt;
}

/// Takes the first plausible date; when none is, the most trusted candidate is reported the way
/// every reader reports a bad date (apply_date_field).
void resolve_date(std::string_view source,
                  const std::vector<std::string>& candidates,
                  Report& report,
                  ReadResult& result) {
    for (const auto& candidate : candidates) {
        if (const auto date = parse_page_date(candidate);
            date && is_plausible_publication_date(*date)) {
            report.date = date;
            return;
        }
    }
    if (!candidates.empty()) {
        if (auto problem = apply_date_field(report, candidates.front(), source, 0)) {
            result.problems.push_back(std::move(*problem));
        }
    }
}

/// Text from JSON-LD articleBody, one paragraph a line.
std::string paragraphs_of(std::string_view text) {
    ParagraphBuilder builder;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end;
        builder.add_text(decode_entities(text.substr(start, end - start)));
        builder.end_paragraph();
        start = end + 1;
    }
    return builder.text();
}

}  // namespace

ReadResult read_html(std::string_view source,
                     std::string_view content,
                     const ReportDefaults& defaults) {
    ReadResult result;
    const char* data = content.empty() ? "" : content.data();
    const GumboTree tree(gumbo_parse_with_options(&kGumboDefaultOptions, data, content.size()));
    const GumboNode* document = tree->document;

    ArticleText article = find_article_text(document);
    PageMeta meta;
    read_json_ld(document, meta);
    read_meta_tags(document, meta);
    read_markup(document, article.root, meta);
    if (article.text.empty()) {
        article.text = paragraphs_of(meta.json_body);
    }
    if (article.text.empty()) {
        result.problems.push_back({std::string(source), 0, "no article text found", "skipped"});
        result.rejected = 1;
        return result;
    }

    Report report;
    report.id = id_from_file_name(source);
    report.source = std::string(source);
    report.title = std::move(meta.title);
    report.outlet = std::move(meta.outlet);
    report.author = std::move(meta.author);
    report.url = std::move(meta.url);
    if (!meta.language.empty()) {
        report.language = std::move(meta.language);
    }
    report.body = std::move(article.text);
    resolve_date(source, meta.dates(), report, result);
    apply_defaults(report, defaults);
    result.reports.push_back(std::move(report));
    return result;
}

}  // namespace gazette::indexer
