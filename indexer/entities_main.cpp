// gazette-entities: prints the entities of reports, or tags CoNLL-2003 columns for scoring.
#include "common/cli.hpp"
#include "common/text/utf8.hpp"
#include "indexer/cleaner.hpp"
#include "indexer/entity_extractor.hpp"
#include "indexer/ner/conll.hpp"
#include "indexer/ner/model.hpp"
#include "indexer/ner/tokenizer.hpp"
#include "indexer/readers/reader.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-entities";

/// Tags CoNLL columns: one "token gold predicted" line per token, blank between sentences.
Result<int> tag_conll(std::istream& in, const std::string& origin, const ner::Model& model) {
    auto sentences = ner::read_conll(in, origin);
    if (!sentences) {
        return tl::unexpected(sentences.error());
    }
    ner::TaggerScratch scratch;
    std::vector<int> tags;
    std::vector<std::string> tokens;
    std::string out;
    for (const auto& sentence : *sentences) {
        tokens.clear();
        for (const auto& t : sentence.tokens) {
            tokens.push_back(ner::normalise_token(t));
        }
        model.tag(tokens, scratch, tags);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            out += sentence.tokens[i];
            out += ' ';
            out += sentence.labels[i];
            out += ' ';
            out += ner::kTagNames[static_cast<std::size_t>(tags[i])];
            out += '\n';
        }
        out += '\n';
    }
    std::cout << out;
    return exit_codes::kOk;
}

/// Prints the entities of each report in the input: one JSON object a line.
Result<int> print_entities(std::istream& in,
                           const std::string& origin,
                           const indexer::EntityExtractor& extractor) {
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string content = text::repair_utf8(bytes.str());
    indexer::ReadResult read;
    switch (indexer::format_of(origin)) {
        case indexer::Format::Jsonl:
            read = indexer::read_jsonl(origin, content, {});
            break;
        case indexer::Format::Html:
            read = indexer::read_html(origin, content, {});
            break;
        case indexer::Format::Text:
        case indexer::Format::Unknown:
            read = indexer::read_text(origin, content, {});
            break;
    }
    for (const auto& problem : read.problems) {
        std::cerr << kProgram << ": " << problem.to_string() << '\n';
    }
    for (auto& raw : read.reports) {
        const Report report = indexer::clean_report(std::move(raw)).report;
        auto list = nlohmann::ordered_json::array();
        for (const auto& e : extractor.extract(report)) {
            list.push_back({{"name", e.name},
                            {"type", entity_type_name(e.type)},
                            {"variants", e.variants},
                            {"mentions", e.mentions}});
        }
        nlohmann::ordered_json j{{"id", report.id}, {"title", report.title}, {"entities", list}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return read.problems.empty() ? exit_codes::kOk : exit_codes::kPartial;
}

Result<int> run(int argc, char** argv) {
    po::options_description options(
        "gazette-entities [options] [FILE]\n\n"
        "Prints the entities of each report in FILE (.txt/.md, .jsonl, .html) or stdin (text) as\n"
        "one JSON object a line; with --conll, tags CoNLL-2003 columns and writes\n"
        "'token gold predicted' lines for scoring.\nOptions");
    std::string file;
    std::string model_path;
    std::string gazetteer_path;
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("conll", po::bool_switch(), "read CoNLL-2003 columns, write token gold predicted")
        ("model", po::value(&model_path), "tagger model file (default: the built-in model)")
        ("entities", po::value(&gazetteer_path),
            "entity gazetteer (default: $GAZETTE_ENTITIES, else corpus/entities.tsv)")
        ("file", po::value(&file), "the input (default: stdin)");
    // clang-format on
    po::positional_options_description positional;
    positional.add("file", 1);
    auto vm = cli::parse_options(argc, argv, options, positional);
    if (!vm) {
        return tl::unexpected(vm.error());
    }
    if (vm->count("help") != 0U) {
        std::cout << options << '\n';
        return exit_codes::kOk;
    }
    std::ifstream in_file;
    if (!file.empty() && file != "-") {
        in_file.open(file, std::ios::binary);
        if (!in_file) {
            return fail(ErrorCode::Usage, "cannot read " + file, "check the path");
        }
    }
    std::istream& in = file.empty() || file == "-" ? std::cin : in_file;
    const std::string origin = file.empty() || file == "-" ? "stdin" : file;
    if ((*vm)["conll"].as<bool>()) {
        // The tagger alone, as trained: what a CoNLL scorer should judge.
        auto model = model_path.empty() ? ner::Model::builtin() : ner::Model::load(model_path);
        if (!model) {
            return tl::unexpected(model.error());
        }
        return tag_conll(in, origin, *model);
    }
    auto extractor = indexer::load_entity_extractor(gazetteer_path, model_path);
    if (!extractor) {
        return tl::unexpected(extractor.error());
    }
    return print_entities(in, origin == "stdin" ? "stdin.txt" : origin, **extractor);
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
