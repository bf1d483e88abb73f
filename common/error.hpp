/// @file
/// The one error type of Gazette and the exit-code table of DESIGN.md.
#pragma once

#include <tl/expected.hpp>

#include <string>

namespace gazette {

/// What went wrong. Each code maps to one exit code (see exit_code()).
enum class ErrorCode {
    Usage,               ///< a flag or argument the program does not accept
    Query,               ///< a query that cannot be parsed, or a bad date in one
    Input,               ///< a report that cannot be read or parsed
    DatabaseMissing,     ///< no database at the given path
    DatabaseNotGazette,  ///< a directory that is not a Gazette (or not a Xapian) database
    DatabaseLocked,      ///< another writer holds the database
    DatabaseCorrupt,     ///< Xapian reports corruption or an unreadable database
    SchemaMismatch,      ///< the database was built by another schema version
    Io,                  ///< reading or writing a file failed
    Internal,            ///< a bug: should never reach a user
};

/// An error with a message (what is wrong, naming the file or value) and a hint (what to do).
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string hint;
};

template <class T>
using Result = tl::expected<T, Error>;

/// Builds the unexpected value of a Result.
[[nodiscard]] inline tl::unexpected<Error> fail(ErrorCode code,
                                                std::string message,
                                                std::string hint = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(hint)});
}

/// Exit codes, as DESIGN.md documents them.
namespace exit_codes {
inline constexpr int kOk = 0;
inline constexpr int kPartial = 1;   ///< some inputs rejected (the rest committed), or no results
inline constexpr int kUsage = 2;     ///< usage or query error
inline constexpr int kDatabase = 3;  ///< database missing, locked, corrupt or of another schema
}  // namespace exit_codes

/// @return the process exit code for an error of this kind.
[[nodiscard]] int exit_code(ErrorCode code);

/// @return one line: "PROGRAM: MESSAGE (HINT)", the form every tool prints errors in.
[[nodiscard]] std::string format_error(std::string_view program, const Error& error);

}  // namespace gazette
