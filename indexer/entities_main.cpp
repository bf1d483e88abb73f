// gazette-entities: prints the entities of reports, or tags CoNLL-2003 columns for scoring.
#include "common/cli.hpp"
#include "indexer/ner/conll.hpp"
#include "indexer/ner/model.hpp"
#include "indexer/ner/tokenizer.hpp"

#include <fstream>
#include <iostream>

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

Result<int> run(int argc, char** argv) {
    po::options_description options(
        "gazette-entities [options] [FILE]\n\n"
        "Prints the entities of a report (FILE or stdin) as JSON; with --conll, tags CoNLL-2003\n"
        "columns and writes 'token gold predicted' lines for scoring.\nOptions");
    std::string file;
    std::string model_path;
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("conll", po::bool_switch(), "read CoNLL-2003 columns, write token gold predicted")
        ("model", po::value(&model_path), "tagger model file (default: the built-in model)")
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
    auto model = model_path.empty() ? ner::Model::builtin() : ner::Model::load(model_path);
    if (!model) {
        return tl::unexpected(model.error());
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
        return tag_conll(in, origin, *model);
    }
    return fail(ErrorCode::Usage, "not yet", "");
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
