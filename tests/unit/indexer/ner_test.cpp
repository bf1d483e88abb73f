#include "indexer/ner/conll.hpp"
#include "indexer/ner/model.hpp"
#include "indexer/ner/tokenizer.hpp"
#include "indexer/ner/trainer.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace gazette;

namespace {

std::vector<std::string> texts(const ner::Sentence& sentence) {
    std::vector<std::string> out;
    for (const auto& t : sentence) {
        out.emplace_back(t.text);
    }
    return out;
}

std::vector<std::string> words(const std::string& sentence) {
    std::vector<std::string> out;
    std::istringstream in(sentence);
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

/// @return the names a model finds in a sentence, as "TYPE:words".
std::vector<std::string> names(const ner::Model& model, const std::string& sentence) {
    const auto tokens = words(sentence);
    ner::TaggerScratch scratch;
    std::vector<int> tags;
    model.tag(tokens, scratch, tags);
    std::vector<std::string> found;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        if (ner::is_begin(tags[i])) {
            found.push_back(
                std::string(ner::kClassNames[static_cast<std::size_t>(ner::class_of(tags[i]))]) +
                ":" + tokens[i]);
        } else if (ner::is_inside(tags[i])) {
            found.back() += " " + tokens[i];
        }
    }
    return found;
}

/// A small CoNLL corpus: capitalised words after "Mr" are people, after "in" places.
std::string toy_corpus() {
    std::string text = "-DOCSTART- -X- -X- O\n\n";
    const char* people[] = {"Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans"};
    const char* places[] = {"Paris", "Lima", "Oslo", "Rome", "Cairo", "Quito"};
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 6; ++i) {
            text += std::string("Mr NNP B-NP O\n") + people[i] + " NNP I-NP B-PER\n" +
                    "lives VBZ B-VP O\nin IN B-PP O\n" + places[(i + round) % 6] +
                    " NNP B-NP B-LOC\n. . O O\n\n";
        }
        text += "-DOCSTART- -X- -X- O\n\n";
    }
    return text;
}

ner::Model train_toy() {
    std::istringstream in(toy_corpus());
    auto sentences = ner::read_conll(in, "toy");
    REQUIRE(sentences);
    ner::TrainingOptions options;
    options.epochs = 5;
    options.lexicon_folds = 2;
    return ner::train(*sentences, options, nullptr);
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("ner tokenizer: punctuation, possessives and abbreviations as CoNLL writes them") {
        const auto sentences = ner::tokenize_sentences(
            "Ukraine’s Gen. Oleksandr Syrskyi told the U.S. (and “Puls,” too) it's over. Kim said "
            "no.\nNew line");
        REQUIRE(sentences.size() == 3);
        CHECK(texts(sentences[0]) ==
              std::vector<std::string>{"Ukraine", "’s",   "Gen.", "Oleksandr", "Syrskyi",
                                       "told",    "the",  "U.S.", "(",         "and",
                                       "“",       "Puls", ",",    "”",         "too",
                                       ")",       "it",   "'s",   "over",      "."});
        CHECK(texts(sentences[1]) == std::vector<std::string>{"Kim", "said", "no", "."});
        CHECK(texts(sentences[2]) == std::vector<std::string>{"New", "line"});
        // Byte spans point into the text.
        CHECK(sentences[0][1].begin == std::string("Ukraine").size());
        CHECK(ner::normalise_token("“") == "\"");
        CHECK(ner::normalise_token("’s") == "'s");
        CHECK(ner::normalise_token("Kim—Jong") == "Kim-Jong");
    }

    TEST_CASE("ner conll: sentences, documents, and errors with the line") {
        std::istringstream good(
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n"
            "-DOCSTART- -X- -X- O\n\nPeter B-PER\nBlackburn I-PER\n");
        auto sentences = ner::read_conll(good, "good");
        REQUIRE(sentences);
        REQUIRE(sentences->size() == 2);
        CHECK((*sentences)[0].tokens == std::vector<std::string>{"EU", "rejects"});
        CHECK((*sentences)[0].labels == std::vector<std::string>{"B-ORG", "O"});
        CHECK((*sentences)[0].document == 0);
        CHECK((*sentences)[1].document == 1);

        std::istringstream one_column("EU B-ORG\nrejects\n");
        auto bad = ner::read_conll(one_column, "bad.txt");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message.find("bad.txt:2") != std::string::npos);
        std::istringstream bad_tag("EU B-ORGANISATION\n");
        auto unknown = ner::read_conll(bad_tag, "tag.txt");
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message.find("tag.txt:1: unknown tag") != std::string::npos);
    }

    TEST_CASE("ner trainer: learns, is deterministic, and its model survives a round trip") {
        const ner::Model a = train_toy();
        const ner::Model b = train_toy();
        const std::string bytes = a.serialise();
        CHECK(bytes == b.serialise());
        CHECK(names(a, "Mr Evans lives in Lima .") ==
              std::vector<std::string>{"PER:Evans", "LOC:Lima"});
        auto loaded = ner::Model::parse(bytes, "toy");
        REQUIRE(loaded);
        CHECK(names(*loaded, "Mr Wilson lives in Oslo .") ==
              std::vector<std::string>{"PER:Wilson", "LOC:Oslo"});
        CHECK(loaded->serialise() == bytes);
        CHECK_FALSE(loaded->fingerprint().empty());
    }

    TEST_CASE("ner model: IOB2 decoding never starts a name with I-") {
        CHECK(ner::iob2_tags({"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"}) ==
              std::vector<int>{ner::begin_tag(ner::NameClass::Person),
                               ner::inside_tag(ner::NameClass::Person),
                               ner::kOutside,
                               ner::begin_tag(ner::NameClass::Location),
                               ner::begin_tag(ner::NameClass::Location),
                               ner::begin_tag(ner::NameClass::Organisation)});
        CHECK_FALSE(ner::allowed(ner::kOutside, ner::inside_tag(ner::NameClass::Person)));
        CHECK(ner::allowed(ner::begin_tag(ner::NameClass::Person),
                           ner::inside_tag(ner::NameClass::Person)));
    }

    TEST_CASE("ner model: what is not a model is refused with its name") {
        CHECK_FALSE(ner::Model::parse("", "empty"));
        auto garbage = ner::Model::parse("GAZETTE-NER-1\nxx", "x.model");
        REQUIRE_FALSE(garbage);
        CHECK(garbage.error().message.find("x.model") != std::string::npos);
        CHECK_FALSE(ner::Model::load("/nonexistent/model"));
    }

    TEST_CASE("ner model: the built-in model tags news it never saw") {
        auto model = ner::Model::builtin();
        REQUIRE(model);
        CHECK(model->serialise().size() < 2u << 20);
        CHECK(names(*model,
                    "Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on "
                    "Tuesday .") ==
              std::vector<std::string>{
                  "PER:Angela Merkel", "MISC:French", "PER:Emmanuel Macron", "LOC:Berlin"});
        CHECK(names(*model,
                    "Shares in Microsoft Corp rose 3 percent on the New York Stock Exchange .") ==
              std::vector<std::string>{"ORG:Microsoft Corp", "ORG:New York Stock Exchange"});
        CHECK(names(*model, "The United Nations said aid convoys reached northern Syria .") ==
              std::vector<std::string>{"ORG:United Nations", "LOC:Syria"});
        CHECK(names(*model,
                    "Ukrainian commander Oleksandr Kovalenko told Reuters that troops left .") ==
              std::vector<std::string>{"MISC:Ukrainian", "PER:Oleksandr Kovalenko", "ORG:Reuters"});
    }
}
