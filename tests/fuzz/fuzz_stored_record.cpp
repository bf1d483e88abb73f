// Fuzz target: a stored record (any bytes, as a damaged database may hold) through the reader the
// searcher runs for every hit. It must refuse what it cannot read, and what it reads must write
// back to a record that reads the same.
#include "common/stored_report.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view record(reinterpret_cast<const char*>(data), size);
    const auto report = gazette::parse_record(record);
    if (!report) {
        if (report.error().message.empty()) {
            __builtin_trap();  // every refusal must say what is wrong
        }
        return 0;
    }
    const auto again = gazette::parse_record(gazette::serialise_record(*report));
    if (!again || again->id != report->id || again->title != report->title ||
        again->entities.size() != report->entities.size() ||
        again->mentioned_dates.size() != report->mentioned_dates.size() ||
        again->date != report->date) {
        __builtin_trap();
    }
    return 0;
}
