#include "searcher/render.hpp"

#include "common/mentioned_dates.hpp"

#include <algorithm>
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
        list.push_back({{"name", e.name},
                        {"type", entity_type_name(e.type)},
                        {"variants", e.variants},
                        {"mentions", e.mentions}});
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

ordered_json mentions_of(const Report& report) {
    auto list = ordered_json::array();
    for (const auto& m : report.mentioned_dates) {
        list.push_back({{"text", m.text},
                        {"value", mention_label(m)},
                        {"granularity", granularity_name(m.granularity)},
                        {"first", m.first.iso()},
                        {"last", m.last.iso()},
                        {"offset", m.offset}});
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

ordered_json histogram_json(const DateHistogram& histogram) {
    auto buckets = ordered_json::array();
    for (const auto& b : histogram.buckets) {
        buckets.push_back({{"start", b.start.iso()},
                           {"end", b.end.iso()},
                           {"label", b.label},
                           {"count", b.count}});
    }
    return {{"bucket", bucket_name(histogram.bucket)}, {"buckets", std::move(buckets)}};
}

/// One bar: a block a unit, at least one for a count above zero.
std::string bar(Xapian::doccount count, Xapian::doccount max) {
    constexpr Xapian::doccount kWidth = 30;
    if (count == 0 || max == 0) {
        return {};
    }
    const Xapian::doccount blocks = std::max<Xapian::doccount>(1, count * kWidth / max);
    std::string out;
    for (Xapian::doccount i = 0; i < blocks; ++i) {
        out += "\xE2\x96\x88";  // full block
    }
    return out;
}

/// The date histogram as a bar chart, a line a bucket, undated reports last.
void append_histogram(std::string& out, const DateHistogram& histogram, Xapian::doccount undated) {
    if (histogram.buckets.empty()) {
        return;
    }
    const std::string undated_label = "(undated)";
    std::size_t width = undated > 0 ? undated_label.size() : 0;
    Xapian::doccount max = undated;
    for (const auto& b : histogram.buckets) {
        width = std::max(width, b.label.size());
        max = std::max(max, b.count);
    }
    const std::size_t count_width = std::to_string(max).size();
    out += "Dates by " + std::string(bucket_name(histogram.bucket)) + ":\n";
    const auto line = [&](const std::string& label, Xapian::doccount count) {
        const std::string number = std::to_string(count);
        out += "  " + label + std::string(width - label.size(), ' ') + " " +
               std::string(count_width - number.size(), ' ') + number + " " + bar(count, max);
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        out += '\n';
    };
    for (const auto& b : histogram.buckets) {
        line(b.label, b.count);
    }
    if (undated > 0) {
        line(undated_label, undated);
    }
}

/// How many values a facet line of the terminal shows; --json and the search page have them all.
constexpr std::size_t kOutletsShown = 20;
constexpr std::size_t kMonthsShown = 24;
constexpr std::size_t kMentionsShown = 12;
constexpr std::size_t kEntitiesShown = 10;

/// The `shown` values with the most matches, in date order (months sort as text): on a long
/// timeline, its busiest months.
std::vector<FacetCount> busiest_months(std::vector<FacetCount> months, std::size_t shown) {
    if (months.size() > shown) {
        std::stable_sort(months.begin(), months.end(), [](const auto& a, const auto& b) {
            return a.count > b.count;
        });
        months.resize(shown);
        std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) {
            return a.value < b.value;
        });
    }
    return months;
}

std::string display_title(const Hit& hit, bool color) {
    if (!hit.title.parts.empty()) {
        return hit.title.terminal(color ? kBold : "", color ? kReset : "");
    }
    return hit.report.title.empty() ? "(untitled)" : hit.report.title;
}

/// One facet line: `counts` (already chosen and ordered), the matches without a value, and how
/// many values were left out, so that a cut line says it is cut.
void append_facet_line(std::string& out,
                       std::string_view label,
                       const std::vector<FacetCount>& counts,
                       std::string_view missing_label,
                       Xapian::doccount missing,
                       std::size_t left_out = 0,
                       std::string_view left_out_noun = "") {
    out += label;
    bool first = true;
    const auto item = [&](const std::string& text) {
        out += first ? " " : " · ";
        out += text;
        first = false;
    };
    for (const auto& c : counts) {
        item(c.value + " " + std::to_string(c.count));
    }
    if (missing > 0) {
        item(std::string(missing_label) + " " + std::to_string(missing));
    }
    if (left_out > 0) {
        item("+" + std::to_string(left_out) + " more " + std::string(left_out_noun));
    }
    if (first) {
        out += " (none)";
    }
    out += '\n';
}

std::vector<FacetCount> leading(const std::vector<FacetCount>& counts, std::size_t n) {
    return {counts.begin(), counts.begin() + static_cast<long>(std::min(n, counts.size()))};
}

/// A facet line of months: the busiest `shown` of them, in date order.
void append_months_line(std::string& out,
                        std::string_view label,
                        const std::vector<FacetCount>& months,
                        std::size_t shown,
                        std::string_view missing_label,
                        Xapian::doccount missing) {
    const std::size_t n = std::min(shown, months.size());
    append_facet_line(out,
                      label,
                      busiest_months(months, shown),
                      missing_label,
                      missing,
                      months.size() - n,
                      "months");
}

/// The entity lines say nothing of the names left out: the searcher names only the top 100 of
/// each type (entity_facets.hpp), so how many there are is not known here.
void append_entity_facet_lines(std::string& out, const Facets& f) {
    append_facet_line(out, "People: ", leading(f.person, kEntitiesShown), "", 0);
    append_facet_line(out, "Orgs:   ", leading(f.org, kEntitiesShown), "", 0);
    append_facet_line(out, "Places: ", leading(f.place, kEntitiesShown), "", 0);
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
        item["mentions"] = mentions_of(r);
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
        j["facets"] = {
            {"outlet", facet_list(f.outlet)},
            {"date", facet_list(f.month)},
            {"day", facet_list(f.day)},
            {"person", facet_list(f.person)},
            {"org", facet_list(f.org)},
            {"place", facet_list(f.place)},
            {"date_histogram", histogram_json(f.date_histogram)},
            {"mentions", facet_list(f.mention_month)},
            {"mentions_year", facet_list(f.mention_year)},
            {"story", facet_list(f.story)},
            {"stories", f.stories},
            {"missing",
             {{"outlet", f.no_outlet}, {"date", f.undated}, {"mentions", f.no_mentions}}}};
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

ordered_json report_to_json(const Report& report) {
    ordered_json j;
    j["id"] = report.id;
    j["title"] = report.title;
    j["title_derived"] = report.title_derived;
    j["outlet"] = report.outlet;
    j["date"] = report.date ? report.date->iso() : "";
    j["author"] = report.author;
    j["url"] = report.url;
    j["language"] = report.language;
    j["entities"] = entities_of(report);
    j["body"] = report.body;
    return j;
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
        append_facet_line(out,
                          "Outlets:",
                          leading(f.outlet, kOutletsShown),
                          "(no outlet)",
                          f.no_outlet,
                          f.outlet.size() - std::min(kOutletsShown, f.outlet.size()),
                          "outlets");
        append_months_line(out, "Months: ", f.month, kMonthsShown, "(undated)", f.undated);
        append_months_line(
            out, "Mentions:", f.mention_month, kMentionsShown, "(none)", f.no_mentions);
        append_entity_facet_lines(out, f);
        out += "Stories: " + std::to_string(f.stories) + "\n";
        append_histogram(out, f.date_histogram, f.undated);
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
