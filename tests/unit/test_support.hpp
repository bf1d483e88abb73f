/// @file
/// Helpers the tests share: a temporary directory and a database built from reports.
#pragma once

#include "common/report.hpp"

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace gazette::testing {

/// A directory under the system's temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("gazette-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::string operator/(const std::string& name) const {
        return (path_ / name).string();
    }

    /// Writes a file under the directory; @return its path.
    std::string write(const std::string& name, const std::string& content) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file.string();
    }

  private:
    std::filesystem::path path_;
};

/// An in-memory database with one report for each list of terms, each term added once per time
/// it is listed (its wdf), none with positions.
inline Xapian::WritableDatabase database_of(const std::vector<std::vector<std::string>>& reports) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& terms : reports) {
        Xapian::Document doc;
        for (const auto& term : terms) {
            doc.add_term(term);
        }
        db.add_document(doc);
    }
    return db;
}

/// The shipped corpus of seed reports.
inline std::string corpus_dir() {
    return std::string(GAZETTE_SOURCE_DIR) + "/corpus/reports";
}

}  // namespace gazette::testing
