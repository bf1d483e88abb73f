#include "indexer/existing_reports.hpp"

#include "common/schema.hpp"
#include "indexer/document_builder.hpp"

namespace gazette::indexer {
namespace {

constexpr int kRetries = 5;

}  // namespace

std::optional<ExistingReports::Entry> ExistingReports::find(const std::string& id) {
    if (shard_paths_.empty()) {
        return std::nullopt;
    }
    const std::string term = id_term(id);
    for (int attempt = 0; attempt < kRetries; ++attempt) {
        try {
            if (!database_) {
                database_.emplace();
                for (const auto& path : shard_paths_) {
                    database_->add_database(Xapian::Database(path));
                }
            }
            const auto it = database_->postlist_begin(term);
            if (it == database_->postlist_end(term)) {
                return std::nullopt;
            }
            const auto doc = database_->get_document(*it, Xapian::DOC_ASSUME_VALID);
            return Entry{doc.get_value(schema::slot(schema::Slot::ContentHash)),
                         doc.get_value(schema::slot(schema::Slot::Source))};
        } catch (const Xapian::DatabaseModifiedError&) {
            database_.reset();  // the writer committed past our view: open the new revision
        } catch (const Xapian::Error&) {
            database_.reset();
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace gazette::indexer
