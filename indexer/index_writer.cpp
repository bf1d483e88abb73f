#include "indexer/index_writer.hpp"

#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/story_keys.hpp"

namespace gazette::indexer {

Result<IndexWriter> IndexWriter::open(const std::string& path,
                                      db::WriteMode mode,
                                      std::size_t batch_size) {
    const db::Commits commits = db::commits_for(path, mode);
    auto database = db::open_for_writing(path, mode, commits);
    if (!database) {
        return tl::unexpected(database.error());
    }
    return IndexWriter(std::move(*database), path, batch_size == 0 ? 1 : batch_size, commits);
}

Result<IndexWriter::Outcome> IndexWriter::write(const std::string& id, Xapian::Document document) {
    try {
        const std::string term = id_term(id);
        const bool existed = database_.term_exists(term);
        if (existed) {
            forget_spellings(term);
        }
        assign_story_key(database_, id, document);
        document.add_value(schema::slot(schema::Slot::FacetRecord), schema::facet_record(document));
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
        forget_spellings(term);
        database_.delete_document(term);
        if (auto ok = count_change(); !ok) {
            return tl::unexpected(ok.error());
        }
        return true;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

Result<void> IndexWriter::move_source(const std::string& id, const std::string& source) {
    try {
        const std::string term = id_term(id);
        const auto it = database_.postlist_begin(term);
        if (it == database_.postlist_end(term)) {
            return {};
        }
        // A document read from this database and changed in its values and data only is
        // rewritten without touching its terms.
        Xapian::Document doc = database_.get_document(*it);
        doc.add_value(schema::slot(schema::Slot::Source), source);
        if (auto report = load_report(doc, WithBody::Yes)) {
            report->source = source;
            store_report(*report, doc);
        }
        database_.replace_document(*it, doc);
        return count_change();
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

Result<std::size_t> IndexWriter::prune(
    const std::function<bool(std::string_view id_term, std::string_view source)>& is_stale) {
    try {
        std::vector<std::string> stale_terms;
        const auto slot = schema::slot(schema::Slot::Source);
        for (auto it = database_.valuestream_begin(slot); it != database_.valuestream_end(slot);
             ++it) {
            auto term = database_.termlist_begin(it.get_docid());
            term.skip_to(std::string(schema::prefix::kId));
            if (term == database_.termlist_end(it.get_docid()) ||
                !(*term).starts_with(schema::prefix::kId)) {
                continue;  // not a report (no id term): not ours to judge
            }
            if (is_stale(*term, *it)) {
                stale_terms.push_back(*term);
            }
        }
        for (const auto& term : stale_terms) {
            forget_spellings(term);
            database_.delete_document(term);
            if (auto ok = count_change(); !ok) {
                return tl::unexpected(ok.error());
            }
        }
        return stale_terms.size();
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
}

void IndexWriter::forget_spellings(const std::string& id_term) {
    spellings_.remove(database_.get_document(*database_.postlist_begin(id_term)));
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

Result<void> IndexWriter::close() {
    if (auto ok = commit(); !ok) {
        return ok;
    }
    try {
        database_.close();
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
    if (commits_ == db::Commits::Unsynced) {
        return db::sync_to_disk(path_);
    }
    return {};
}

}  // namespace gazette::indexer
