// Fuzz target: an HTML page (gumbo, JSON-LD, Open Graph) through decoding, reading, cleaning and
// building.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = gazette::fuzz::decoded(data, size, "page.html");
    if (!text) {
        return 0;
    }
    auto read = gazette::indexer::read_html("page.html", *text, {});
    gazette::fuzz::prepare_all(read, "page.html");
    return 0;
}
