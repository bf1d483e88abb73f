#include "indexer/source_walker.hpp"

#include "common/schema.hpp"
#include "indexer/text_decoding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <unistd.h>

namespace gazette::indexer {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string megabytes(std::uint64_t bytes) {
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1u << 20));
}

/// One walk over the paths a user named: what it found, and where it has been.
class Walk {
  public:
    void path(const std::string& path) {
        if (path == kStdinPath) {
            standard_input();
            return;
        }
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            problem(path, why_unreachable(path, ec), "skipped");
        } else if (fs::is_directory(status)) {
            directory(path);
        } else if (const Format format = format_of(path); format == Format::Unknown) {
            problem(path, "unknown report format", "skipped; use .txt, .md, .jsonl or .html");
        } else {
            file(path, format, status);
        }
    }

    CollectedSources out;

  private:
    void problem(const fs::path& path, std::string message, std::string action) {
        out.problems.push_back({path.string(), 0, std::move(message), std::move(action)});
    }

    void standard_input() {
        if (read_stdin_) {
            problem(std::string(kStdinName), "standard input named twice", "read once");
            return;
        }
        read_stdin_ = true;
        out.files.push_back(
            {std::string(kStdinName), Format::Jsonl, std::string(kStdinName), 0, true});
    }

    /// @return why a path that status() could not follow is unreachable.
    static std::string why_unreachable(const fs::path& path, std::error_code ec) {
        std::error_code link_ec;
        if (fs::is_symlink(fs::symlink_status(path, link_ec))) {
            if (ec == std::errc::too_many_symbolic_link_levels) {
                return "symbolic link loop";
            }
            return "broken symbolic link (to " + fs::read_symlink(path, link_ec).string() + ")";
        }
        if (!ec || ec == std::errc::no_such_file_or_directory) {
            return "no such file or directory";
        }
        return "cannot reach it (" + ec.message() + ")";
    }

    void file(const fs::path& path, Format format, fs::file_status status) {
        if (!fs::is_regular_file(status)) {
            problem(path, "not a regular file (a pipe, socket or device)", "skipped");
            return;
        }
        std::error_code ec;
        const fs::path real = fs::canonical(path, ec);
        if (!ec && !files_seen_.insert(real).second) {
            return;  // the same file reached twice (a link, or overlapping paths): read once
        }
        SourceFile source{
            path.string(), format, fs::absolute(path, ec).lexically_normal().string()};
        source.size = fs::file_size(path, ec);
        out.files.push_back(std::move(source));
    }

    void directory(const fs::path& dir) {
        std::error_code ec;
        const fs::path real = fs::canonical(dir, ec);
        if (ec) {
            problem(dir, "cannot open directory (" + ec.message() + ")", "skipped");
            return;
        }
        if (std::find(walking_.begin(), walking_.end(), real) != walking_.end()) {
            problem(dir, "symbolic link loop (it leads back to " + real.string() + ")", "skipped");
            return;
        }
        if (!dirs_seen_.insert(real).second) {
            return;  // reached before by another path: walked once
        }
        std::vector<fs::path> entries;
        fs::directory_iterator it(dir, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
            entries.push_back(it->path());
        }
        if (ec) {
            problem(dir,
                    "cannot read directory (" + ec.message() + ")",
                    entries.empty() ? "skipped; check its permissions"
                                    : "read in part; check its permissions");
        }
        std::sort(entries.begin(), entries.end());
        walking_.push_back(real);
        for (const auto& entry : entries) {
            if (!is_hidden(entry)) {
                directory_entry(entry);
            }
        }
        walking_.pop_back();
    }

    void directory_entry(const fs::path& entry) {
        std::error_code ec;
        const auto status = fs::status(entry, ec);
        if (ec || !fs::exists(status)) {
            std::error_code link_ec;
            if (fs::is_symlink(fs::symlink_status(entry, link_ec))) {
                problem(entry, why_unreachable(entry, ec), "skipped");
            }
            return;
        }
        if (fs::is_directory(status)) {
            directory(entry);
        } else if (const Format format = format_of(entry.string()); format != Format::Unknown) {
            file(entry, format, status);
        }
    }

    std::set<fs::path> dirs_seen_;
    std::set<fs::path> files_seen_;
    std::vector<fs::path> walking_;  ///< the directories being walked, outermost first
    bool read_stdin_ = false;
};

/// Reads a whole file. @return 0, or the errno of the failure.
int read_file(const std::string& path, std::string& bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = n < 0 ? errno : 0;
            ::close(fd);
            return error;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > schema::kMaxFileBytes) {
            ::close(fd);
            return EFBIG;  // grew since we looked at its size
        }
    }
}

}  // namespace

CollectedSources collect_sources(const std::vector<std::string>& paths) {
    Walk walk;
    for (const auto& path : paths) {
        walk.path(path);
    }
    return std::move(walk.out);
}

ReadResult read_source(const SourceFile& file, const ReportDefaults& defaults) {
    ReadResult out;
    const auto reject = [&](std::string message, std::string action) {
        out.problems.push_back({file.path, 0, std::move(message), std::move(action)});
        out.rejected = 1;
        return out;
    };
    std::error_code ec;
    const auto size = fs::file_size(file.path, ec);
    if (ec) {
        return reject("cannot read (" + ec.message() + ")", "file skipped");
    }
    if (size == 0) {
        return reject("empty file", "file skipped");
    }
    if (size > schema::kMaxFileBytes) {
        return reject("file of " + megabytes(size) + " is larger than the " +
                          megabytes(schema::kMaxFileBytes) + " limit",
                      "file skipped; split it");
    }
    std::string bytes;
    if (const int error = read_file(file.path, bytes); error != 0) {
        return reject(std::string("cannot read (") + std::strerror(error) + ")",
                      "file skipped; check its permissions");
    }
    auto text = decode_text(std::move(bytes), {file.path, 0, 0}, out.problems);
    if (!text) {
        out.rejected = 1;
        return out;
    }
    ReadResult read;
    switch (file.format) {
        case Format::Text:
            read = read_text(file.path, *text, defaults);
            break;
        case Format::Jsonl:
            read = read_jsonl(file.path, *text, defaults);
            break;
        case Format::Html:
            read = read_html(file.path, *text, defaults);
            break;
        case Format::Unknown:
            return reject("unknown report format", "file skipped");
    }
    out.reports = std::move(read.reports);
    out.rejected += read.rejected;
    out.problems.insert(out.problems.end(), read.problems.begin(), read.problems.end());
    return out;
}

}  // namespace gazette::indexer
