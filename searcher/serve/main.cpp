// gazette-serve: the JSON API and the search page over a Gazette database.
#include "common/cli.hpp"
#include "common/database.hpp"
#include "searcher/serve/http_api.hpp"
#include "searcher/serve/searcher_pool.hpp"

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr std::string_view kProgram = "gazette-serve";
/// Connections the kernel queues before the server accepts them.
constexpr int kListenBacklog = 1024;

/// cpp-httplib 0.11 listens with a backlog of 5: past that, a burst of new connections waits
/// for TCP's one-second SYN retry (a p99 of a second under load). Listening again on the bound
/// socket raises the queue; Linux allows it on a socket that already listens.
class Server : public httplib::Server {
  public:
    bool widen_backlog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

/// Blocks SIGINT and SIGTERM in every thread started after it, so that one thread can wait for
/// them and stop the server cleanly (open requests finish, the port is released).
sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the server
    return signals;
}

std::string url_of(const std::string& host, int port) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

Result<int> run(int argc, char** argv) {
    po::options_description options("gazette-serve [options]\n\nOptions");
    std::string db_path;
    std::string host;
    std::string synonyms_path;
    int port = 0;
    int threads = 0;
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("db", po::value(&db_path)->default_value(db::default_path()),
            "database directory or stub file (default: $GAZETTE_DB, else ~/.local/share/gazette/db)")
        ("host", po::value(&host)->default_value("127.0.0.1"),
            "address to listen on (0.0.0.0 for every interface)")
        ("port", po::value(&port)->default_value(8080), "port to listen on (0: any free port)")
        ("threads", po::value(&threads)->default_value(64), "requests served at once")
        ("synonyms", po::value(&synonyms_path),
            "synonyms file (default: $GAZETTE_SYNONYMS, else corpus/synonyms.tsv)")
        ("access-log", po::bool_switch(), "print a line per request to stderr");
    // clang-format on
    auto vm = cli::parse_options(argc, argv, options, {});
    if (!vm) {
        return tl::unexpected(vm.error());
    }
    if (vm->count("help") != 0U) {
        std::cout << options
                  << "\nServes the search page at / and the JSON API at /api/search, "
                     "/api/report/ID and /api/export.csv.\n";
        return exit_codes::kOk;
    }
    if (port < 0 || port > 65535) {
        return fail(ErrorCode::Usage,
                    "--port " + std::to_string(port) + " is not a port",
                    "use 1-65535, or 0 for any free port");
    }
    if (threads < 1 || threads > 1024) {
        return fail(ErrorCode::Usage, "--threads must be 1 to 1024", "the default is 64");
    }

    auto synonyms = search::load_synonyms(synonyms_path);
    if (!synonyms) {
        return tl::unexpected(synonyms.error());
    }
    // Open once now, so that a missing or broken database stops the start with its own message.
    serve::SearcherPool pool(db_path, std::move(*synonyms));
    std::size_t reports = 0;
    {
        auto first = pool.borrow();
        if (!first) {
            return tl::unexpected(first.error());
        }
        reports = (*first)->doc_count();
    }

    const sigset_t stop_signals = block_stop_signals();
    Server server;
    server.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    server.set_keep_alive_max_count(10000);
    server.set_read_timeout(5);
    server.set_write_timeout(5);
    server.set_tcp_nodelay(true);
    serve::ApiOptions api;
    api.loopback_hosts_only = serve::is_loopback_bind(host);
    api.access_log = (*vm)["access-log"].as<bool>();
    serve::install_api(server, pool, api);

    const int bound =
        port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return fail(ErrorCode::Usage,
                    "cannot listen on " + host + " port " + std::to_string(port),
                    "is another server using it? choose another with --port, or --port 0");
    }
    if (!server.widen_backlog(kListenBacklog)) {
        return fail(ErrorCode::Io, "cannot listen on " + host, "start it again");
    }
    std::cout << kProgram << ": serving " << db_path << " (" << reports << " reports) at "
              << url_of(host, bound) << std::endl;

    // Number every report's facet values now, beside the first searches, so that the first
    // broad facet searches do not pay for it (kept_facet_records.hpp).
    std::thread warmer([&pool] {
        const auto start = std::chrono::steady_clock::now();
        auto loan = pool.borrow();
        auto warmed =
            loan ? (*loan)->warm_facet_records() : Result<void>(tl::unexpected(loan.error()));
        if (!warmed) {
            std::cerr << kProgram << ": facet records not counted ahead: " << warmed.error().message
                      << '\n';
            return;
        }
        const auto [kept, bytes] = (*loan)->facet_records()->size();
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << kProgram << ": facet records of " << kept << " reports counted ahead ("
                  << (bytes >> 20) << " MB, " << std::fixed << std::setprecision(1) << seconds
                  << " s)" << std::endl;
    });
    std::thread stopper([&server, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
    });
    const bool listened = server.listen_after_bind();
    // Wake the stopper when the server ended by itself.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    warmer.join();
    if (!listened) {
        return fail(ErrorCode::Io, "the server stopped on an error", "start it again");
    }
    std::cout << kProgram << ": stopped" << std::endl;
    return exit_codes::kOk;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::guarded_main(kProgram, [&] { return run(argc, argv); });
}
