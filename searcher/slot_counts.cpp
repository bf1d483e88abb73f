#include "searcher/slot_counts.hpp"

#include "common/schema.hpp"

#include <algorithm>

namespace gazette::search {

/// Counts the values of a match: the slots in its facet record from that one value, any other
/// slot (or all of them, for a report indexed without a record) one by one.
class SlotCounts::OwnSpy : public Xapian::MatchSpy {
  public:
    OwnSpy(const std::vector<std::vector<Xapian::valueno>>& slots,
           const std::vector<bool>& lists,
           std::vector<ValueTally>& tables,
           const Xapian::Database& database,
           FacetRecordCache* cache)
        : tables_(tables), database_(database), cache_(cache) {
        const auto& in_record = schema::facet_record_slots();
        by_field_.resize(in_record.size());
        for (std::size_t t = 0; t < slots.size(); ++t) {
            for (const auto slot : slots[t]) {
                reads_.push_back({slot, t});
                const auto field = std::find(in_record.begin(), in_record.end(), slot);
                if (field == in_record.end()) {
                    outside_record_.push_back({slot, t});
                } else {
                    by_field_[static_cast<std::size_t>(field - in_record.begin())].push_back(t);
                }
            }
        }
        if (cache_ != nullptr) {
            cache_->begin(by_field_, tables_.size(), lists);
        }
    }

    /// Hands what the cache counted over to `numbered`.
    void finish(NumberedCounts& numbered) {
        if (cache_ != nullptr) {
            cache_->finish(numbered);
        }
    }

    [[nodiscard]] FacetRecordCache* cache() const { return cache_; }

    void operator()(const Xapian::Document& doc, double /*wt*/) override {
        const Xapian::docid did = doc.get_docid();
        if (cache_ != nullptr && cache_->count_held(did)) {
            count_slots(doc, outside_record_);
            return;
        }
        const std::string record = record_of(doc);
        if (record.empty()) {
            count_slots(doc, reads_);
            return;
        }
        if (cache_ == nullptr || !cache_->count_new(did, record)) {
            for_each_record_value(record, [this](std::size_t field, std::string_view value) {
                if (field < by_field_.size()) {
                    for (const auto table : by_field_[field]) {
                        tables_[table].add(value);
                    }
                }
            });
        }
        count_slots(doc, outside_record_);
    }

  private:
    struct Read {
        Xapian::valueno slot;
        std::size_t table;
    };

    /// @return the facet record of a match, "" when it has none. In a database of one shard it
    /// is read from the slot's value stream, which moves forward from chunk to chunk, where
    /// Document::get_value finds the chunk in the B-tree again and decodes it from its start for
    /// every match. Over several shards in one Database, Xapian 1.4.22's combined value stream
    /// gave some matches other reports' records (three shards counted on two cores:
    /// indexing_run_test and tests/cli/parallel.sh), so there each record is looked up.
    std::string record_of(const Xapian::Document& doc) {
        const auto slot = schema::slot(schema::Slot::FacetRecord);
        if (database_.size() != 1) {
            return doc.get_value(slot);
        }
        const Xapian::docid did = doc.get_docid();
        if (last_did_ == 0 || did < last_did_) {  // matches come in document order; in case
            records_ = database_.valuestream_begin(slot);
        }
        last_did_ = did;
        if (records_ == database_.valuestream_end(slot)) {
            return {};
        }
        records_.skip_to(did);
        if (records_ == database_.valuestream_end(slot) || records_.get_docid() != did) {
            return {};
        }
        return *records_;
    }

    void count_slots(const Xapian::Document& doc, const std::vector<Read>& reads) {
        for (const auto& read : reads) {
            const std::string value = doc.get_value(read.slot);
            if (!value.empty()) {
                tables_[read.table].add(value);
            }
        }
    }

    std::vector<Read> reads_;           ///< every counted slot
    std::vector<Read> outside_record_;  ///< counted slots the facet record does not hold
    std::vector<std::vector<std::size_t>> by_field_;  ///< record field -> tables counting it
    std::vector<ValueTally>& tables_;
    Xapian::Database database_;  ///< the database the Enquire searches, for its value stream
    Xapian::ValueIterator records_;
    Xapian::docid last_did_ = 0;  ///< the match records_ was last moved to; 0: not started
    FacetRecordCache* cache_;     ///< the records counted before, or null
};

SlotCounts::SlotCounts(Counter counter) : counter_(counter) {}

SlotCounts::~SlotCounts() = default;

std::size_t SlotCounts::add(std::vector<Xapian::valueno> slots, Values values) {
    slots_.push_back(std::move(slots));
    lists_.push_back(values == Values::Lists);
    loose_.emplace_back();
    return slots_.size() - 1;
}

void SlotCounts::attach(Xapian::Enquire& enquire,
                        const Xapian::Database& database,
                        FacetRecordCache* cache) {
    if (counter_ == Counter::Own) {
        own_ = std::make_unique<OwnSpy>(slots_, lists_, loose_, database, cache);
        enquire.add_matchspy(own_.get());
        return;
    }
    stock_.resize(slots_.size());
    for (std::size_t t = 0; t < slots_.size(); ++t) {
        for (const auto slot : slots_[t]) {
            stock_[t].push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
            enquire.add_matchspy(stock_[t].back().get());
        }
    }
}

void SlotCounts::finish() {
    if (own_) {
        own_->finish(numbered_);
    }
    finished_ = true;
}

void SlotCounts::fall_back_to_stock() {
    counter_ = Counter::Stock;
    own_.reset();
    for (auto& table : loose_) {
        table = ValueTally();
    }
    numbered_ = NumberedCounts();
}

std::unique_ptr<SlotCounts> SlotCounts::empty_copy() const {
    auto copy = std::make_unique<SlotCounts>(counter_);
    for (std::size_t t = 0; t < slots_.size(); ++t) {
        copy->add(slots_[t], lists_[t] ? Values::Lists : Values::Single);
    }
    return copy;
}

void SlotCounts::merge(const SlotCounts& part) {
    for (std::size_t t = 0; t < loose_.size(); ++t) {
        loose_[t].merge(part.loose_[t]);
    }
    if (part.numbered_.empty()) {
        return;
    }
    // Numbered alike and not yet finished: a sum of arrays in this count's kept records.
    FacetRecordCache* cache = own_ ? own_->cache() : nullptr;
    if (!finished_ && cache != nullptr && cache->add(part.numbered_)) {
        return;
    }
    for (std::size_t t = 0; t < loose_.size() && t < part.numbered_.tables.size(); ++t) {
        part.numbered_.numbering->add_to(t, part.numbered_.tables[t], loose_[t]);
        ++as_strings_;
    }
}

std::size_t SlotCounts::tables_as_strings() const {
    gather();
    return as_strings_;
}

void SlotCounts::gather() const {
    if (gathered_) {
        return;
    }
    gathered_ = true;
    if (counter_ == Counter::Stock) {
        for (std::size_t t = 0; t < stock_.size(); ++t) {
            for (const auto& spy : stock_[t]) {
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
                    loose_[t].add(*it, it.get_termfreq());
                }
            }
        }
    }
    tables_.resize(loose_.size());
    for (std::size_t t = 0; t < loose_.size(); ++t) {
        CountTable& table = tables_[t];
        const bool numbered = !numbered_.empty() && t < numbered_.tables.size() &&
                              !numbered_.tables[t].numbers.empty();
        if (numbered && (lists_[t] || loose_[t].total() > 0 || loose_[t].size() > 0)) {
            // Lists are counted by part, and a value must not be listed twice: as strings.
            numbered_.numbering->add_to(t, numbered_.tables[t], loose_[t]);
            ++as_strings_;
        } else if (numbered) {
            table.numbering_ = numbered_.numbering;
            table.table_ = t;
            table.numbered_ = std::move(numbered_.tables[t]);
            for (const auto count : table.numbered_.counts) {
                table.numbered_total_ += count;
            }
        }
        table.loose_ = std::move(loose_[t]);
    }
}

const CountTable& SlotCounts::table(std::size_t number) const {
    gather();
    return tables_.at(number);
}

}  // namespace gazette::search
