#include "common/error.hpp"

namespace gazette {

int exit_code(ErrorCode code) {
    switch (code) {
        case ErrorCode::Usage:
        case ErrorCode::Query:
            return exit_codes::kUsage;
        case ErrorCode::Input:
            return exit_codes::kPartial;
        case ErrorCode::DatabaseMissing:
        case ErrorCode::DatabaseNotGazette:
        case ErrorCode::DatabaseLocked:
        case ErrorCode::DatabaseCorrupt:
        case ErrorCode::SchemaMismatch:
        case ErrorCode::Io:
        case ErrorCode::Internal:
            return exit_codes::kDatabase;
    }
    return exit_codes::kDatabase;
}

std::string format_error(std::string_view program, const Error& error) {
    std::string line(program);
    line += ": ";
    line += error.message;
    if (!error.hint.empty()) {
        line += " (";
        line += error.hint;
        line += ")";
    }
    return line;
}

}  // namespace gazette
