/// @file
/// What every command-line tool shares: one error line per failure, the exit-code table, usage
/// errors from Boost.ProgramOptions, and whether to colour the terminal.
#pragma once

#include "common/error.hpp"

#include <boost/program_options.hpp>

#include <cstdio>
#include <functional>
#include <string_view>

namespace gazette::cli {

/// Runs a tool's body. An Error it returns, a usage error from option parsing or any exception
/// that escapes becomes one line on stderr ("PROGRAM: what is wrong (what to do)") and the
/// documented exit code: never a stack trace.
[[nodiscard]] int guarded_main(std::string_view program, const std::function<Result<int>()>& body);

/// Parses options; unknown flags and bad values become ErrorCode::Usage naming the flag.
[[nodiscard]] Result<boost::program_options::variables_map> parse_options(
    int argc,
    char** argv,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

/// @return true when `stream` is a terminal that wants colour: not NO_COLOR, not TERM=dumb.
[[nodiscard]] bool wants_color(std::FILE* stream);

/// Prints an error line.
void print_error(std::string_view program, const Error& error);

}  // namespace gazette::cli
