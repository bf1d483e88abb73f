// Fuzz target: a JSON Lines feed, line by line as the indexer reads one (each line decoded on its
// own, then read, cleaned and built).
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view feed(reinterpret_cast<const char*>(data), size);
    std::size_t line = 0;
    for (std::size_t pos = 0; pos <= feed.size();) {
        const std::size_t end = std::min(feed.find('\n', pos), feed.size());
        ++line;
        const auto text = gazette::fuzz::decoded(data + pos, end - pos, "feed.jsonl", line);
        if (text) {
            auto read = gazette::indexer::read_jsonl("feed.jsonl", *text, {}, line);
            gazette::fuzz::prepare_all(read, "feed.jsonl");
        }
        pos = end + 1;
    }
    return 0;
}
