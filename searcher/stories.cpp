#include "searcher/stories.hpp"

#include "common/schema.hpp"
#include "common/stored_report.hpp"

namespace gazette::search {

Result<FoldedReports> folded_reports(const Xapian::Database& database,
                                     const Xapian::Query& query,
                                     const std::string& key,
                                     const std::string& shown_id,
                                     Xapian::doccount limit) {
    const auto slot = schema::slot(schema::Slot::StoryKey);
    const Xapian::Query story(Xapian::Query::OP_VALUE_RANGE, slot, key, key);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_FILTER, query, story),
                                    Xapian::Query(schema::boolean_term("id", shown_id))));
    const Xapian::MSet mset = enquire.get_mset(0, limit, database.get_doccount());
    FoldedReports folded;
    folded.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto report = load_report(it.get_document(), WithBody::No);
        if (!report) {
            return tl::unexpected(report.error());
        }
        folded.reports.push_back(std::move(*report));
    }
    return folded;
}

}  // namespace gazette::search
