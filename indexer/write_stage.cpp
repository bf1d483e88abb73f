#include "indexer/write_stage.hpp"

#include "indexer/document_builder.hpp"

#include <xxhash.h>

#include <filesystem>

namespace gazette::indexer {
namespace {

std::uint64_t hash_of(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

}  // namespace

std::string_view file_of_source(std::string_view source) {
    const auto colon = source.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == source.size() ||
        source.find_first_not_of("0123456789", colon + 1) != std::string_view::npos) {
        return source;
    }
    const std::string_view path = source.substr(0, colon);
    return format_of(path) == Format::Jsonl ? path : source;
}

WriteStage::WriteStage(ShardWriters& writers,
                       const std::vector<SourceFile>& sources,
                       const UnitPreparer& preparer,
                       std::function<void(const InputProblem&)> on_problem)
    : writers_(writers),
      sources_(sources),
      preparer_(preparer),
      on_problem_(std::move(on_problem)),
      rejections_(sources.size(), 0) {}

std::string WriteStage::where(std::size_t source, std::size_t line) const {
    std::string text = sources_[source].path;
    if (line > 0) {
        text += ":" + std::to_string(line);
    }
    return text;
}

Result<void> WriteStage::take(PreparedUnit& unit) {
    for (const auto& problem : unit.problems) {
        on_problem_(problem);
    }
    rejected_ += unit.rejected;
    rejections_[unit.source] += unit.rejected;
    bytes_ += unit.bytes;
    for (auto& item : unit.items) {
        if (auto ok = take_item(unit, item); !ok) {
            return ok;
        }
    }
    reports_ += unit.items.size() + unit.rejected;
    const SourceFile& file = sources_[unit.source];
    if (unit.last && rejections_[unit.source] == 0 && !file.standard_input) {
        clean_files_.insert(file.stored);
    }
    return {};
}

Result<void> WriteStage::take_item(const PreparedUnit& unit, PreparedItem& item) {
    const std::uint64_t content = hash_of(item.hash);
    const auto [seen, first] =
        seen_.try_emplace(hash_of(id_term(item.id)), Seen{content, unit.source, item.line});
    if (!first) {
        on_problem_({sources_[unit.source].path,
                     item.line,
                     "id '" + item.id + "' appears twice in this run (first at " +
                         where(seen->second.source, seen->second.line) + ")",
                     "the later report is kept; give each report its own id"});
        if (seen->second.content == content) {
            ++unchanged_;
            return {};
        }
        seen->second = Seen{content, unit.source, item.line};
        if (item.state != PreparedItem::State::Changed) {
            // It matched what the database held before this run, which an earlier report of
            // the same id has replaced since: write it after all.
            try {
                item.document = preparer_.prepare_now(std::move(*item.report), item.hash);
            } catch (const std::exception& e) {
                on_problem_({sources_[unit.source].path,
                             item.line,
                             std::string("internal error (") + e.what() + ")",
                             "skipped; please report this with the input"});
                ++rejected_;
                return {};
            }
        }
        return writers_.write(item.id, std::move(item.document));
    }
    switch (item.state) {
        case PreparedItem::State::Changed:
            return writers_.write(item.id, std::move(item.document));
        case PreparedItem::State::Moved:
            ++unchanged_;
            return writers_.move_source(item.id, item.source);
        case PreparedItem::State::Unchanged:
            ++unchanged_;
            return {};
    }
    return {};
}

bool WriteStage::is_stale(std::string_view id_term, std::string_view source) {
    if (seen_.count(hash_of(id_term)) != 0) {
        return false;
    }
    const std::string path(file_of_source(source));
    if (!std::filesystem::path(path).is_absolute()) {
        return false;  // standard input, or recorded by an older version relative to somewhere
    }
    if (clean_files_.count(path) != 0) {
        return true;
    }
    auto [known, fresh] = file_exists_.try_emplace(path, true);
    if (fresh) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        known->second = exists || ec;  // when we cannot tell, the report stays
    }
    return !known->second;
}

}  // namespace gazette::indexer
