#include "indexer/source_walker.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace gazette;
using namespace gazette::indexer;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> problem_lines(const CollectedSources& found) {
    std::vector<std::string> lines;
    for (const auto& p : found.problems) {
        lines.push_back(p.to_string());
    }
    return lines;
}

SourceFile text_file(const std::string& path) {
    return {path, Format::Text, path, 0, false};
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("source_walker: finds report files, skips hidden and unknown ones") {
        testing::TempDir dir;
        dir.write("a.txt", "A");
        dir.write("sub/b.md", "B");
        dir.write("sub/c.jsonl", "{}");
        dir.write("sub/d.html", "<p>D</p>");
        dir.write("sub/e.pdf", "%PDF");
        dir.write(".hidden/f.txt", "F");
        const auto found = collect_sources({dir.path().string()});
        REQUIRE(found.files.size() == 4);
        CHECK(found.problems.empty());
        CHECK(found.files[0].path == dir / "a.txt");
        CHECK(found.files[0].stored == dir / "a.txt");
        CHECK(found.files[0].size == 1);
        CHECK(found.files[2].format == Format::Jsonl);
        const auto explicit_unknown = collect_sources({dir / "sub/e.pdf", dir / "missing.txt"});
        CHECK(explicit_unknown.files.empty());
        CHECK(problem_lines(explicit_unknown) ==
              std::vector<std::string>{
                  dir / "sub/e.pdf" +
                      ": unknown report format; skipped; use .txt, .md, .jsonl or .html",
                  dir / "missing.txt" + ": no such file or directory; skipped"});
    }

    TEST_CASE("source_walker: relative paths are stored absolute, for --prune") {
        testing::TempDir dir;
        dir.write("r.txt", "R");
        const auto cwd = fs::current_path();
        fs::current_path(dir.path());
        const auto found = collect_sources({"r.txt"});
        fs::current_path(cwd);
        REQUIRE(found.files.size() == 1);
        CHECK(found.files[0].path == "r.txt");
        CHECK(found.files[0].stored == (dir.path() / "r.txt").string());
    }

    TEST_CASE("source_walker: symbolic link loops and broken links are named, once each") {
        testing::TempDir dir;
        dir.write("in/a.txt", "A");
        fs::create_symlink("loop", dir.path() / "in/loop");
        fs::create_directory_symlink(".", dir.path() / "in/self");
        fs::create_symlink("nowhere.txt", dir.path() / "in/dangling.txt");
        const auto found = collect_sources({dir / "in"});
        REQUIRE(found.files.size() == 1);
        CHECK(problem_lines(found) ==
              std::vector<std::string>{
                  dir / "in/dangling.txt" + ": broken symbolic link (to nowhere.txt); skipped",
                  dir / "in/loop" + ": symbolic link loop; skipped",
                  dir / "in/self" + ": symbolic link loop (it leads back to " +
                      fs::canonical(dir.path() / "in").string() + "); skipped"});
        const auto named = collect_sources({dir / "in/loop"});
        CHECK(problem_lines(named) ==
              std::vector<std::string>{dir / "in/loop" + ": symbolic link loop; skipped"});
    }

    TEST_CASE("source_walker: a file reached twice is read once, pipes are refused") {
        testing::TempDir dir;
        dir.write("in/a.txt", "A");
        fs::create_symlink("a.txt", dir.path() / "in/alias.txt");
        REQUIRE(mkfifo((dir / "in/pipe.txt").c_str(), 0600) == 0);
        const auto found = collect_sources({dir / "in", dir / "in/a.txt"});
        REQUIRE(found.files.size() == 1);
        CHECK(found.files[0].path == dir / "in/a.txt");
        CHECK(problem_lines(found) ==
              std::vector<std::string>{dir / "in/pipe.txt" +
                                       ": not a regular file (a pipe, socket or device); skipped"});
    }

    TEST_CASE("source_walker: - is standard input, read as JSON Lines, once") {
        const auto found = collect_sources({"-", "-"});
        REQUIRE(found.files.size() == 1);
        CHECK(found.files[0].standard_input);
        CHECK(found.files[0].format == Format::Jsonl);
        CHECK(found.files[0].path == "<stdin>");
        REQUIRE(found.problems.size() == 1);
        CHECK(found.problems[0].message == "standard input named twice");
    }

    TEST_CASE("source_walker: unreadable directories and files are problems") {
        if (geteuid() == 0) {
            // root reads everything; tests/cli/bad_input.sh checks this as an unprivileged user
            return;
        }
        testing::TempDir dir;
        dir.write("in/locked/x.txt", "X");
        const std::string secret = dir.write("in/secret.txt", "S");
        fs::permissions(dir.path() / "in/locked", fs::perms::none);
        fs::permissions(secret, fs::perms::none);
        const auto found = collect_sources({dir / "in"});
        fs::permissions(dir.path() / "in/locked", fs::perms::owner_all);
        REQUIRE(found.problems.size() == 1);
        CHECK(found.problems[0].message.starts_with("cannot read directory"));
        REQUIRE(found.files.size() == 1);
        const auto read = read_source(found.files[0], {});
        CHECK(read.rejected == 1);
        CHECK(read.problems[0].message == "cannot read (Permission denied)");
    }

    TEST_CASE("source_walker: binary, empty and non-UTF-8 files") {
        testing::TempDir dir;
        const auto binary =
            read_source(text_file(dir.write("bin.txt", std::string("ab\0cd", 5))), {});
        CHECK(binary.rejected == 1);
        CHECK(binary.problems[0].message.find("binary") != std::string::npos);
        const auto empty = read_source(text_file(dir.write("empty.txt", "")), {});
        CHECK(empty.rejected == 1);
        CHECK(empty.problems[0].message == "empty file");
        const auto latin = read_source(text_file(dir.write("latin.txt", "Caf\xE9 in Kyiv")), {});
        REQUIRE(latin.reports.size() == 1);
        CHECK(latin.reports[0].body == "Café in Kyiv");
        CHECK(latin.problems[0].message.find("offset 3") != std::string::npos);
    }
}
