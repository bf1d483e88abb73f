#include "searcher/similar.hpp"

#include "common/body_stems.hpp"
#include "common/schema.hpp"

namespace gazette::search {
namespace {

/// Terms of the report that make up the query: enough to find its story, few enough to be fast.
constexpr Xapian::termcount kSimilarTerms = 30;

/// Stemmed words the report shares with at least one other report: a word only it has finds
/// nothing else, however telling it is.
class SharedWordDecider : public Xapian::ExpandDecider {
  public:
    explicit SharedWordDecider(const Xapian::Database& database) : database_(database) {}
    bool operator()(const std::string& term) const override {
        return body_stems::is_body_stem(term) && database_.get_termfreq(term) > 1;
    }

  private:
    const Xapian::Database& database_;
};

}  // namespace

Result<SimilarQuery> similar_query(const Xapian::Database& database, const std::string& id) {
    const std::string id_term = schema::boolean_term("id", id);
    const auto posting = database.postlist_begin(id_term);
    if (posting == database.postlist_end(id_term)) {
        return fail(ErrorCode::Query,
                    "--similar: no report has the id '" + id + "'",
                    "use an id that a search shows (gazette-search --json lists each result's id)");
    }
    Xapian::RSet report;
    report.add_document(*posting);
    Xapian::Enquire enquire(database);
    const SharedWordDecider decider(database);
    const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, report, &decider);
    SimilarQuery similar;
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        const std::string term = *it;
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), it.get_weight());
        similar.stems.push_back(term.substr(schema::prefix::kStemmed.size()));
    }
    Xapian::Query like = terms.empty()
                             ? Xapian::Query::MatchNothing
                             : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    similar.query = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(id_term));
    return similar;
}

}  // namespace gazette::search
