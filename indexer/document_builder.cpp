#include "indexer/document_builder.hpp"

#include "common/body_stems.hpp"
#include "common/entity_names.hpp"
#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "common/text/compound.hpp"

#include <array>

namespace gazette::indexer {
namespace {

/// Positions of the body start well after the title's, so no phrase spans the two.
constexpr Xapian::termpos kBodyFirstPosition = 1000;

/// Adds the stemmed word of a hyphenated compound ("human-wave" -> "Zhumanwav"), so that a query
/// for the compound finds it however it is written and whatever its number.
void index_compound(Xapian::Document& doc,
                    std::string_view field_prefix,
                    const std::vector<std::string>& parts,
                    text::Analyzer& analyzer) {
    const std::string joined = text::join_compound(parts);
    if (joined.empty() || joined.size() + field_prefix.size() + 1 > schema::kMaxTermBytes) {
        return;
    }
    const std::string& stem = analyzer.stem(joined);
    doc.add_term(schema::stem_term(field_prefix, stem));
    if (field_prefix == schema::prefix::kTitle) {
        doc.add_term(schema::stem_term(schema::prefix::kBody, stem), schema::kTitleWdf);
    }
}

/// Indexes a text field: each word with its position and its stem without. Title words go in
/// twice: under the title prefix, and as body terms that count kTitleWdf times.
/// @return the position after the last word.
Xapian::termpos index_text(Xapian::Document& doc,
                           std::string_view field_prefix,
                           std::string_view text,
                           Xapian::termpos position,
                           text::Analyzer& analyzer) {
    const bool is_title = field_prefix == schema::prefix::kTitle;
    std::vector<std::string> compound;  // the words of the hyphenated run being read
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(begin, end - begin);
        std::size_t previous_end = std::string_view::npos;
        analyzer.for_each_token(line, [&](const text::Token& token) {
            const bool joined =
                previous_end != std::string_view::npos &&
                text::is_compound_joint(line.substr(previous_end, token.begin - previous_end));
            previous_end = token.end;
            if (!joined) {
                index_compound(doc, field_prefix, compound, analyzer);
                compound.clear();
            }
            compound.push_back(token.term);
            if (token.term.size() + field_prefix.size() + 1 > schema::kMaxTermBytes) {
                return;  // a "word" this long is noise (a URL, base64): not indexed
            }
            const std::string& stem = analyzer.stem(token.term);
            doc.add_posting(schema::word_term(field_prefix, token.term), position);
            doc.add_term(schema::stem_term(field_prefix, stem));
            if (is_title) {
                doc.add_posting(schema::word_term(schema::prefix::kBody, token.term),
                                position,
                                schema::kTitleWdf);
                doc.add_term(schema::stem_term(schema::prefix::kBody, stem), schema::kTitleWdf);
            }
            ++position;
        });
        index_compound(doc, field_prefix, compound, analyzer);
        compound.clear();
        ++position;  // a paragraph break: phrases do not run across paragraphs
        begin = end + 1;
    }
    return position;
}

/// Indexes a report's entities: the key of each (its canonical name), of each spelling the report
/// used, and of a person's surname, under its type's prefix and the any-type prefix, so that
/// person:Kovalenko finds "Andrey Kovalenko"; and the first kEntityFacetDepth of each type
/// (most mentioned first) in their facet slots.
void index_entities(Xapian::Document& doc, const Report& report) {
    std::array<std::size_t, schema::kEntityTypes.size()> filled{};
    for (const auto& entity : report.entities) {
        std::vector<std::string> keys{entities::entity_key(entity.name)};
        for (const auto& variant : entity.variants) {
            keys.push_back(entities::entity_key(variant));
        }
        if (entity.type == EntityType::Person && keys.front().find(' ') != std::string::npos) {
            keys.push_back(keys.front().substr(keys.front().rfind(' ') + 1));
        }
        for (const auto& key : keys) {
            if (!key.empty()) {
                doc.add_boolean_term(schema::entity_term(schema::entity_prefix(entity.type), key));
                doc.add_boolean_term(schema::entity_term(schema::prefix::kEntity, key));
            }
        }
        auto& position = filled[static_cast<std::size_t>(entity.type)];
        if (position < schema::kEntityFacetDepth) {
            doc.add_value(schema::entity_slot(entity.type, position++), entity.name);
        }
    }
}

/// Mentioned dates: terms for mentions: filters, and the joined months and years for the facet.
void index_mentioned_dates(Xapian::Document& doc, const std::vector<MentionedDate>& mentions) {
    for (const auto& mention : mentions) {
        for (const auto& term : mention_terms(mention)) {
            doc.add_boolean_term(term);
        }
    }
    const MentionFacetValues values = mention_facet_values(mentions);
    if (!values.months.empty()) {
        doc.add_value(schema::slot(schema::Slot::MentionMonths), values.months);
    }
    if (!values.years.empty()) {
        doc.add_value(schema::slot(schema::Slot::MentionYears), values.years);
    }
}

}  // namespace

std::string id_term(std::string_view id) {
    return schema::boolean_term("id", id);
}

Xapian::Document build_document(const Report& report,
                                const std::string& hash,
                                text::Analyzer& analyzer) {
    Xapian::Document doc;
    doc.add_boolean_term(id_term(report.id));
    if (!report.title_derived) {
        index_text(doc, schema::prefix::kTitle, report.title, 1, analyzer);
    }
    index_text(doc, schema::prefix::kBody, report.body, kBodyFirstPosition, analyzer);
    if (std::string stems = body_stems::encode(doc); !stems.empty()) {
        doc.add_value(schema::slot(schema::Slot::BodyStems), std::move(stems));
    }

    if (!report.outlet.empty()) {
        doc.add_boolean_term(schema::boolean_term("outlet", report.outlet));
        doc.add_value(schema::slot(schema::Slot::Outlet), report.outlet);
    }
    if (!report.author.empty()) {
        doc.add_boolean_term(schema::boolean_term("author", report.author));
        doc.add_value(schema::slot(schema::Slot::Author), report.author);
    }
    if (report.date) {
        for (const auto& term :
             schema::date_terms(report.date->year, report.date->month, report.date->day)) {
            doc.add_boolean_term(term);
        }
        doc.add_value(schema::slot(schema::Slot::Date), report.date->compact());
    }
    index_entities(doc, report);
    index_mentioned_dates(doc, report.mentioned_dates);
    doc.add_value(schema::slot(schema::Slot::ContentHash), hash);
    doc.add_value(schema::slot(schema::Slot::Source), report.source);
    store_report(report, doc);
    return doc;
}

}  // namespace gazette::indexer
