// Text and Markdown reports with optional YAML front matter.
#include "indexer/readers/metadata.hpp"
#include "indexer/readers/reader.hpp"

#include <yaml-cpp/yaml.h>

#include <cmark.h>
#include <filesystem>
#include <memory>

namespace gazette::indexer {
namespace {

struct Split {
    std::string_view front_matter;  ///< the YAML between the fences; empty when there is none
    std::string_view body;
    std::size_t body_line = 1;  ///< line number where the body starts
    bool unterminated = false;
};

/// @return the line at `pos` without its end, and moves pos past the line end.
std::string_view next_line(std::string_view text, std::size_t& pos) {
    const std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return line;
}

Split split_front_matter(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") {
        content.remove_prefix(3);  // byte-order mark
    }
    std::size_t pos = 0;
    if (next_line(content, pos) != "---") {
        return {{}, content, 1, false};
    }
    const std::size_t yaml_begin = pos;
    std::size_t line_no = 1;
    while (pos < content.size()) {
        const std::size_t line_begin = pos;
        const std::string_view line = next_line(content, pos);
        ++line_no;
        if (line == "---" || line == "...") {
            return {content.substr(yaml_begin, line_begin - yaml_begin),
                    content.substr(pos),
                    line_no + 1,
                    false};
        }
    }
    return {{}, content, 1, true};
}

std::string scalar_or_list(const YAML::Node& node) {
    if (node.IsScalar()) {
        return node.as<std::string>();
    }
    if (node.IsSequence()) {
        std::string joined;
        for (const auto& item : node) {
            if (item.IsScalar()) {
                joined += joined.empty() ? "" : ", ";
                joined += item.as<std::string>();
            }
        }
        return joined;
    }
    return {};
}

template <std::size_t N>
std::string first_of(const YAML::Node& map, const std::array<std::string_view, N>& keys) {
    for (const auto key : keys) {
        if (const YAML::Node node = map[std::string(key)]; node && !node.IsNull()) {
            return scalar_or_list(node);
        }
    }
    return {};
}

/// Reads the front matter into the report. @return false (with a problem) when it is not YAML.
bool apply_front_matter(std::string_view yaml,
                        Report& report,
                        std::string_view source,
                        ReadResult& out) {
    YAML::Node map;
    try {
        map = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        out.problems.push_back({std::string(source),
                                static_cast<std::size_t>(e.mark.line) + 2,
                                "front matter does not parse as YAML (" + e.msg + ")",
                                "skipped; quote values that contain ': ' and fix the block"});
        return false;
    }
    if (map.IsNull()) {
        return true;
    }
    if (!map.IsMap()) {
        out.problems.push_back({std::string(source),
                                2,
                                "front matter is not a list of 'key: value' lines",
                                "skipped; fix the block between the --- lines"});
        return false;
    }
    report.id = first_of(map, kIdKeys);
    report.title = first_of(map, kTitleKeys);
    report.outlet = first_of(map, kOutletKeys);
    report.author = first_of(map, kAuthorKeys);
    report.url = first_of(map, kUrlKeys);
    report.language = first_of(map, kLanguageKeys);
    if (auto problem = apply_date_field(report, first_of(map, kDateKeys), source, 0)) {
        out.problems.push_back(std::move(*problem));
    }
    return true;
}

/// Plain text of a Markdown document: headings, paragraphs and list items become lines; link
/// text stays, link targets, images and HTML go. A leading level-1 heading is the title.
std::string markdown_to_text(std::string_view markdown, std::string& heading) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT),
        &cmark_node_free);
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc.get()),
                                                               &cmark_iter_free);
    std::string text;
    std::string* target = &text;
    int image_depth = 0;
    bool first_block = true;
    for (auto ev = cmark_iter_next(it.get()); ev != CMARK_EVENT_DONE;
         ev = cmark_iter_next(it.get())) {
        cmark_node* node = cmark_iter_get_node(it.get());
        const auto type = cmark_node_get_type(node);
        const bool enter = ev == CMARK_EVENT_ENTER;
        switch (type) {
            case CMARK_NODE_IMAGE:
                image_depth += enter ? 1 : -1;
                break;
            case CMARK_NODE_HEADING:
                if (enter && first_block && cmark_node_get_heading_level(node) == 1) {
                    target = &heading;
                } else if (!enter) {
                    if (target == &heading) {
                        target = &text;
                    } else {
                        text += '\n';
                    }
                }
                first_block = false;
                break;
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_ITEM:
                first_block = false;
                if (type == CMARK_NODE_CODE_BLOCK && enter) {
                    text += cmark_node_get_literal(node);
                }
                if (!enter || type == CMARK_NODE_CODE_BLOCK) {
                    text += '\n';
                }
                break;
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (image_depth == 0) {
                    *target += cmark_node_get_literal(node);
                }
                break;
            case CMARK_NODE_SOFTBREAK:
                *target += ' ';
                break;
            case CMARK_NODE_LINEBREAK:
                *target += '\n';
                break;
            default:
                break;
        }
    }
    return text;
}

std::string normalise_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

ReadResult read_text(std::string_view source,
                     std::string_view content,
                     const ReportDefaults& defaults) {
    ReadResult out;
    const Split split = split_front_matter(content);
    if (split.unterminated) {
        out.problems.push_back({std::string(source),
                                1,
                                "front matter opens with --- but never closes",
                                "skipped; end the block with a --- line"});
        out.rejected = 1;
        return out;
    }
    Report report;
    report.language.clear();
    if (!split.front_matter.empty() &&
        !apply_front_matter(split.front_matter, report, source, out)) {
        out.rejected = 1;
        return out;
    }
    const std::string ext = std::filesystem::path(source).extension().string();
    if (ext == ".md" || ext == ".markdown") {
        std::string heading;
        report.body = markdown_to_text(split.body, heading);
        if (report.title.empty()) {
            report.title = heading;
        }
    } else {
        report.body = normalise_newlines(split.body);
    }
    if (report.body.find_first_not_of(" \t\n") == std::string::npos) {
        out.problems.push_back({std::string(source), 0, "no report text", "skipped"});
        out.rejected = 1;
        return out;
    }
    if (report.id.empty()) {
        report.id = id_from_file_name(source);
    }
    report.source = std::string(source);
    apply_defaults(report, defaults);
    out.reports.push_back(std::move(report));
    return out;
}

}  // namespace gazette::indexer
