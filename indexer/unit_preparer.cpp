#include "indexer/unit_preparer.hpp"

#include "common/stored_report.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/text_decoding.hpp"

namespace gazette::indexer {

UnitPreparer::UnitPreparer(const std::vector<SourceFile>& sources,
                           const ReportDefaults& defaults,
                           const ReportPipeline& pipeline,
                           std::string pipeline_version,
                           const std::vector<std::string>& existing_shards,
                           std::size_t workers)
    : sources_(sources),
      defaults_(defaults),
      pipeline_(pipeline),
      pipeline_version_(std::move(pipeline_version)) {
    existing_.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) {
        existing_.emplace_back(existing_shards);
    }
}

ReadResult UnitPreparer::read_lines(const SourceFile& file,
                                    InputUnit& unit,
                                    std::vector<std::size_t>& report_lines) const {
    ReadResult out;
    for (auto& line : unit.lines) {
        auto text =
            decode_text(std::move(line.bytes), {file.path, line.number, line.offset}, out.problems);
        if (!text) {
            ++out.rejected;
            continue;
        }
        ReadResult read = read_jsonl(file.path, *text, defaults_, line.number);
        for (auto& report : read.reports) {
            out.reports.push_back(std::move(report));
            report_lines.push_back(line.number);
        }
        out.rejected += read.rejected;
        out.problems.insert(out.problems.end(), read.problems.begin(), read.problems.end());
    }
    return out;
}

PreparedUnit UnitPreparer::prepare(InputUnit& unit, std::size_t worker) {
    const SourceFile& file = sources_[unit.source];
    PreparedUnit out;
    out.source = unit.source;
    out.last = unit.last;
    out.bytes = unit.bytes;
    out.problems = std::move(unit.problems);
    out.rejected = unit.rejected;

    // A bug in a reader or an extractor costs the input it met, never the run.
    const auto internal_error = [&](std::size_t line, const std::exception& e) {
        out.problems.push_back({file.path,
                                line,
                                std::string("internal error (") + e.what() + ")",
                                "skipped; please report this with the input"});
        ++out.rejected;
    };
    std::vector<std::size_t> lines;  // of each report read from a feed
    ReadResult read;
    try {
        read = unit.whole_file ? read_source(file, defaults_) : read_lines(file, unit, lines);
    } catch (const std::exception& e) {
        internal_error(unit.whole_file || unit.lines.empty() ? 0 : unit.lines.front().number, e);
        return out;
    }
    out.rejected += read.rejected;
    out.problems.insert(out.problems.end(), read.problems.begin(), read.problems.end());

    for (std::size_t i = 0; i < read.reports.size(); ++i) {
        Report& report = read.reports[i];
        PreparedItem item;
        item.line = i < lines.size() ? lines[i] : 0;
        if (auto warning = limit_body(report, file.path, item.line)) {
            out.problems.push_back(std::move(*warning));
        }
        item.source = item.line > 0 ? file.stored + ":" + std::to_string(item.line) : file.stored;
        report.source = item.source;
        item.id = report.id;
        item.hash = content_hash(report, pipeline_version_);
        const auto existing = existing_[worker].find(report.id);
        if (existing && existing->hash == item.hash) {
            item.state = existing->source == item.source ? PreparedItem::State::Unchanged
                                                         : PreparedItem::State::Moved;
            item.report = std::move(report);
        } else {
            try {
                item.document =
                    pipeline_.prepare(std::move(report), item.hash, text::thread_analyzer())
                        .document;
            } catch (const std::exception& e) {
                internal_error(item.line, e);
                continue;
            }
        }
        out.items.push_back(std::move(item));
    }
    return out;
}

Xapian::Document UnitPreparer::prepare_now(Report report, const std::string& hash) const {
    return pipeline_.prepare(std::move(report), hash, text::thread_analyzer()).document;
}

}  // namespace gazette::indexer
