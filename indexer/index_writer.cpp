#include "indexer/index_writer.hpp"

#include "common/schema.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/story_keys.hpp"

namespace gazette::indexer {

Result<IndexWriter> IndexWriter::open(const std::string& path,
                                      db::WriteMode mode,
                                      std::size_t batch_size) {
    auto database = db::open_for_writing(path, mode);
    if (!database) {
        return tl::unexpected(database.error());
    }
    return IndexWriter(std::move(*database), path, batch_size == 0 ? 1 : batch_size);
}

bool IndexWriter::is_unchanged(const std::string& id, const std::string& hash) {
    const std::string term = id_term(id);
    const auto it = database_.postlist_begin(term);
    if (it == database_.postlist_end(term)) {
        return false;
    }
    const auto doc = database_.get_document(*it, Xapian::DOC_ASSUME_VALID);
    return doc.get_value(schema::slot(schema::Slot::ContentHash)) == hash;
}

Result<IndexWriter::Outcome> IndexWriter::write(const std::string& id, Xapian::Document document) {
    try {
        const std::string term = id_term(id);
        const bool existed = database_.term_exists(term);
        if (existed) {
            spellings_.remove(database_.get_document(*database_.postlist_begin(term)));
        }
        assign_story_key(database_, id, document);
        spellings_.add(document);
        database_.replace_document(term, document);
        if (auto ok = count_change(); !ok) {
            return tl::unexpected(ok.error());
        }
        return existed ? Outcome::Replaced : Outcome::Added;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

Result<bool> IndexWriter::remove(const std::string& id) {
    try {
        const std::string term = id_term(id);
        if (!database_.term_exists(term)) {
            return false;
        }
        spellings_.remove(database_.get_document(*database_.postlist_begin(term)));
        database_.delete_document(term);
        if (auto ok = count_change(); !ok) {
            return tl::unexpected(ok.error());
        }
        return true;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

Result<void> IndexWriter::count_change() {
    if (++pending_ >= batch_size_) {
        return commit();
    }
    return {};
}

Result<void> IndexWriter::commit() {
    try {
        spellings_.apply(database_);
        database_.commit();
        pending_ = 0;
        return {};
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

}  // namespace gazette::indexer
