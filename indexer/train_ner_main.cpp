// gazette-train-ner: trains the entity tagger on CoNLL-2003 data (deterministically).
#include "common/cli.hpp"
#include "indexer/ner/conll.hpp"
#include "indexer/ner/trainer.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-train-ner";

Result<int> run(int argc, char** argv) {
    po::options_description options(
        "gazette-train-ner [options] --out MODEL TRAIN.txt\n\n"
        "Trains the entity tagger on CoNLL-2003 columns (same data and options, same model).\n"
        "Options");
    std::string train_path;
    std::string out_path;
    ner::TrainingOptions training;
    float min_weight = 0;
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("out", po::value(&out_path), "where to write the model")
        ("epochs", po::value(&training.epochs)->default_value(training.epochs), "passes over the data")
        ("seed", po::value(&training.seed)->default_value(training.seed), "seed of the sentence order")
        ("prune", po::value(&min_weight)->default_value(0.0F),
            "leave out features whose weights are all below this fraction of the largest")
        ("train", po::value(&train_path), "CoNLL-2003 training file");
    // clang-format on
    po::positional_options_description positional;
    positional.add("train", 1);
    auto vm = cli::parse_options(argc, argv, options, positional);
    if (!vm) {
        return tl::unexpected(vm.error());
    }
    if (vm->count("help") != 0U) {
        std::cout << options << '\n';
        return exit_codes::kOk;
    }
    if (train_path.empty() || out_path.empty()) {
        return fail(ErrorCode::Usage,
                    "name the training file and --out",
                    "e.g. gazette-train-ner --out ner.model train.txt");
    }
    std::ifstream in(train_path);
    if (!in) {
        return fail(ErrorCode::Usage, "cannot read " + train_path, "check the path");
    }
    auto sentences = ner::read_conll(in, train_path);
    if (!sentences) {
        return tl::unexpected(sentences.error());
    }
    const ner::Model model = ner::train(*sentences, training, [](int epoch, double accuracy) {
        std::fprintf(stderr,
                     "%s: epoch %d: %.4f of training tokens right\n",
                     kProgram.data(),
                     epoch,
                     accuracy);
    });
    const std::string bytes = model.serialise(min_weight);
    std::ofstream out(out_path, std::ios::binary);
    out << bytes;
    if (!out.flush()) {
        return fail(ErrorCode::Io, "cannot write " + out_path, "check the directory");
    }
    std::fprintf(stderr,
                 "%s: %zu features, %zu bytes written to %s\n",
                 kProgram.data(),
                 model.feature_count(),
                 bytes.size(),
                 out_path.c_str());
    return exit_codes::kOk;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
