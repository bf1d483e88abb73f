#include "searcher/render.hpp"

#include <cstdio>

namespace gazette::search {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

ordered_json facet_list(const std::vector<FacetCount>& counts) {
    auto list = ordered_json::array();
    for (const auto& c : counts) {
        list.push_back({{"value", c.value}, {"count", c.count}});
    }
    return list;
}

ordered_json entities_of(const Report& report) {
    auto list = ordered_json::array();
    for (const auto& e : report.entities) {
        list.push_back({{"name", e.name}, {"type", entity_type_name(e.type)}});
    }
    return list;
}

ordered_json clause_list(const std::vector<ClauseWeight>& clauses) {
    auto list = ordered_json::array();
    for (const auto& c : clauses) {
        list.push_back({{"clause", c.clause}, {"weight", c.weight}, {"matched", c.matched}});
    }
    return list;
}

ordered_json folded_list(const Hit& hit) {
    auto list = ordered_json::array();
    for (const auto& f : hit.folded) {
        list.push_back({{"id", f.id},
                        {"title", f.title},
                        {"outlet", f.outlet},
                        {"date", f.date},
                        {"url", f.url}});
    }
    return list;
}

/// "and 2 more: Reuters, AP" under a result that folds near-duplicates.
std::string folded_line(const Hit& hit) {
    std::string line = "and " + std::to_string(hit.folded_total) + " more:";
    bool first = true;
    for (const auto& f : hit.folded) {
        line += first ? " " : ", ";
        line += f.outlet.empty() ? "(no outlet) " + f.id : f.outlet;
        first = false;
    }
    if (hit.folded_total > hit.folded.size()) {
        line += ", ...";
    }
    return line;
}

std::string display_title(const Hit& hit, bool color) {
    if (!hit.title.parts.empty()) {
        return hit.title.terminal(color ? kBold : "", color ? kReset : "");
    }
    return hit.report.title.empty() ? "(untitled)" : hit.report.title;
}

void append_facet_line(std::string& out,
                       std::string_view label,
                       const std::vector<FacetCount>& counts,
                       std::string_view missing_label,
                       Xapian::doccount missing) {
    out += label;
    bool first = true;
    for (const auto& c : counts) {
        out += first ? " " : " · ";
        out += c.value + " " + std::to_string(c.count);
        first = false;
    }
    if (missing > 0) {
        out += first ? " " : " · ";
        out += std::string(missing_label) + " " + std::to_string(missing);
        first = false;
    }
    if (first) {
        out += " (none)";
    }
    out += '\n';
}

}  // namespace

ordered_json to_json(const SearchResponse& response) {
    ordered_json j;
    j["query"] = response.query;
    j["total"] = response.total;
    j["total_exact"] = response.total_exact;
    j["offset"] = response.offset;
    j["limit"] = response.limit;
    auto results = ordered_json::array();
    for (const auto& hit : response.hits) {
        const Report& r = hit.report;
        ordered_json item;
        item["id"] = r.id;
        item["rank"] = hit.rank;
        item["score"] = hit.score;
        item["weight"] = hit.weight;
        item["title"] = r.title;
        item["title_derived"] = r.title_derived;
        item["title_html"] = hit.title.parts.empty() ? html_escape(r.title) : hit.title.html();
        item["outlet"] = r.outlet;
        item["date"] = r.date ? r.date->iso() : "";
        item["author"] = r.author;
        item["url"] = r.url;
        item["snippet"] = hit.snippet.html();
        item["snippet_text"] = hit.snippet.plain();
        item["entities"] = entities_of(r);
        item["story"] = hit.story;
        if (response.collapsed) {
            item["folded_count"] = hit.folded_total;
            item["folded"] = folded_list(hit);
        }
        if (!hit.explain.empty()) {
            item["explain"] = clause_list(hit.explain);
        }
        results.push_back(std::move(item));
    }
    j["results"] = std::move(results);
    if (response.facets) {
        const Facets& f = *response.facets;
        j["facets"] = {{"outlet", facet_list(f.outlet)},
                       {"date", facet_list(f.month)},
                       {"day", facet_list(f.day)},
                       {"person", ordered_json::array()},
                       {"org", ordered_json::array()},
                       {"place", ordered_json::array()},
                       {"story", facet_list(f.story)},
                       {"stories", f.stories},
                       {"missing", {{"outlet", f.no_outlet}, {"date", f.undated}}}};
    } else {
        j["facets"] = nullptr;
    }
    j["suggestion"] =
        response.suggestion ? ordered_json(*response.suggestion) : ordered_json(nullptr);
    if (!response.similar.empty()) {
        j["similar"] = response.similar;
    }
    j["collapsed"] = response.collapsed;
    return j;
}

ordered_json explain_json(const SearchResponse& response) {
    return {{"query", response.query},
            {"parsed", response.parsed},
            {"xapian", response.xapian},
            {"synonyms", response.synonyms},
            {"feedback_terms", response.feedback_terms}};
}

std::string to_text(const SearchResponse& response, bool color) {
    std::string out;
    const auto shown = static_cast<Xapian::doccount>(response.hits.size());
    if (response.total == 0) {
        out += "No reports match \"" + response.query + "\".\n";
    } else if (shown == 0) {
        out += std::to_string(response.total) + " reports match; none on this page (offset " +
               std::to_string(response.offset) + ").\n";
    } else {
        out += (response.total_exact ? "" : "About ") + std::to_string(response.total) +
               (response.total == 1 ? " report" : " reports") + " match";
        if (shown < response.total) {
            out += "; showing " + std::to_string(response.offset + 1) + "-" +
                   std::to_string(response.offset + static_cast<int>(shown));
        }
        out += ".\n";
    }
    if (response.suggestion) {
        out += "Did you mean: " + *response.suggestion + "\n";
    }
    for (const auto& hit : response.hits) {
        const Report& r = hit.report;
        out += "\n" + std::to_string(hit.rank) + ". " + display_title(hit, color) + "\n";
        std::string meta = r.outlet.empty() ? "(no outlet)" : r.outlet;
        meta += " · " + (r.date ? r.date->iso() : std::string("(undated)"));
        meta += " · " + r.id;
        out += "   ";
        out += color ? std::string(kDim) + meta + std::string(kReset) : meta;
        out += "\n";
        const std::string snippet = hit.snippet.terminal(color ? kBold : "", color ? kReset : "");
        if (!snippet.empty()) {
            out += "   " + snippet + "\n";
        }
        if (hit.folded_total > 0) {
            out += "   " + folded_line(hit) + "\n";
        }
    }
    if (response.facets) {
        const Facets& f = *response.facets;
        out += "\n";
        append_facet_line(out, "Outlets:", f.outlet, "(no outlet)", f.no_outlet);
        append_facet_line(out, "Months: ", f.month, "(undated)", f.undated);
        out += "Stories: " + std::to_string(f.stories) + "\n";
    }
    return out;
}

std::string explain_text(const SearchResponse& response) {
    std::string out;
    out += "query:    " + response.query + "\n";
    out += "parsed:   " + response.parsed + "\n";
    out += "xapian:   " + response.xapian + "\n";
    out += "synonyms: " + (response.synonyms.empty() ? "(no file)" : response.synonyms) + "\n";
    if (!response.feedback_terms.empty()) {
        out += "feedback:";
        for (const auto& t : response.feedback_terms) {
            out += " " + t;
        }
        out += "\n";
    }
    for (const auto& hit : response.hits) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.3f", hit.weight);
        out += std::to_string(hit.rank) + ". " + hit.report.id + " weight " + weight + "\n";
        for (const auto& c : hit.explain) {
            std::snprintf(weight, sizeof weight, "%8.3f", c.weight);
            out += std::string("   ") + weight + "  " + c.clause;
            if (!c.matched.empty()) {
                out += "  [matched:";
                for (const auto& t : c.matched) {
                    out += " " + t;
                }
                out += "]";
            }
            out += "\n";
        }
    }
    return out;
}

}  // namespace gazette::search
