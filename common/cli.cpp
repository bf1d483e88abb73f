#include "common/cli.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <unistd.h>

namespace gazette::cli {
namespace po = boost::program_options;

void print_error(std::string_view program, const Error& error) {
    std::cerr << format_error(program, error) << '\n';
}

int guarded_main(std::string_view program, const std::function<Result<int>()>& body) {
    try {
        auto result = body();
        if (!result) {
            print_error(program, result.error());
            return exit_code(result.error().code);
        }
        return *result;
    } catch (const std::bad_alloc&) {
        print_error(program,
                    {ErrorCode::Internal, "out of memory", "index in smaller batches (--batch)"});
    } catch (const std::exception& e) {
        print_error(program,
                    {ErrorCode::Internal,
                     std::string("unexpected error: ") + e.what(),
                     "please report this with the command that caused it"});
    } catch (...) {
        print_error(program,
                    {ErrorCode::Internal,
                     "unexpected error",
                     "please report this with the command that caused it"});
    }
    return exit_codes::kDatabase;
}

Result<po::variables_map> parse_options(int argc,
                                        char** argv,
                                        const po::options_description& options,
                                        const po::positional_options_description& positional) {
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return fail(ErrorCode::Usage, e.what(), "see --help");
    }
    return vm;
}

bool wants_color(std::FILE* stream) {
    if (const char* no_color = std::getenv("NO_COLOR"); no_color != nullptr && *no_color != '\0') {
        return false;
    }
    if (const char* term = std::getenv("TERM");
        term != nullptr && std::string_view(term) == "dumb") {
        return false;
    }
    return isatty(fileno(stream)) != 0;
}

}  // namespace gazette::cli
