// Fuzz target: a .txt or .md report (front matter, Markdown) through decoding, reading, cleaning
// and building. The first byte picks the extension.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string_view source = (data[0] & 1) != 0 ? "report.md" : "report.txt";
    const auto text = gazette::fuzz::decoded(data + 1, size - 1, source);
    if (!text) {
        return 0;
    }
    auto read = gazette::indexer::read_text(source, *text, {});
    gazette::fuzz::prepare_all(read, source);
    return 0;
}
