#include "searcher/slot_counts.hpp"

namespace gazette::search {

/// Reads every counted slot of a match once and counts its value in the slot's table.
class SlotCounts::OwnSpy : public Xapian::MatchSpy {
  public:
    OwnSpy(const std::vector<std::vector<Xapian::valueno>>& slots, std::vector<CountTable>& tables)
        : tables_(tables) {
        for (std::size_t t = 0; t < slots.size(); ++t) {
            for (const auto slot : slots[t]) {
                reads_.push_back({slot, t});
            }
        }
    }

    void operator()(const Xapian::Document& doc, double /*wt*/) override {
        for (const auto& read : reads_) {
            const std::string value = doc.get_value(read.slot);
            if (!value.empty()) {
                tables_[read.table].add(value);
            }
        }
    }

  private:
    struct Read {
        Xapian::valueno slot;
        std::size_t table;
    };
    std::vector<Read> reads_;
    std::vector<CountTable>& tables_;
};

SlotCounts::SlotCounts(Counter counter) : counter_(counter) {}

SlotCounts::~SlotCounts() = default;

std::size_t SlotCounts::add(std::vector<Xapian::valueno> slots) {
    slots_.push_back(std::move(slots));
    tables_.emplace_back();
    return slots_.size() - 1;
}

void SlotCounts::attach(Xapian::Enquire& enquire) {
    if (counter_ == Counter::Own) {
        own_ = std::make_unique<OwnSpy>(slots_, tables_);
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

void SlotCounts::fall_back_to_stock() {
    counter_ = Counter::Stock;
    own_.reset();
    for (auto& table : tables_) {
        table = CountTable();
    }
}

const CountTable& SlotCounts::table(std::size_t number) const {
    if (counter_ == Counter::Stock && !gathered_) {
        gathered_ = true;
        for (std::size_t t = 0; t < stock_.size(); ++t) {
            for (const auto& spy : stock_[t]) {
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
                    tables_[t].add(*it, it.get_termfreq());
                }
            }
        }
    }
    return tables_.at(number);
}

}  // namespace gazette::search
