#include "searcher/serve/http_api.hpp"

#include "common/schema.hpp"
#include "searcher/csv_export.hpp"
#include "searcher/render.hpp"
#include "searcher/serve/request_params.hpp"
#include "searcher/serve/web_assets.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <exception>
#include <iostream>

namespace gazette::serve {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kJson = "application/json; charset=utf-8";
/// Results a page has when the request says no limit (as gazette-search's --limit).
constexpr int kPageLimit = 10;

std::string dump(const ordered_json& j) {
    // Reports are valid UTF-8 (the readers repair them); replace rather than throw regardless.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_error(httplib::Response& res,
                int status,
                std::string_view message,
                std::string_view hint) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(
        dump({{"status", status}, {"error", std::string(message)}, {"hint", std::string(hint)}}),
        std::string(kJson));
}

void send_error(httplib::Response& res, const Error& error) {
    send_error(res, http_status(error.code), error.message, error.hint);
}

void send_json(httplib::Response& res, const ordered_json& body) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(dump(body), std::string(kJson));
}

void send_asset(httplib::Response& res, const WebAsset& asset) {
    // Revalidate each time: the files change with the binary, and they are small.
    res.set_header("Cache-Control", "no-cache");
    res.set_content(asset.bytes.data(), asset.bytes.size(), std::string(asset.content_type));
}

/// The default text of statuses the HTTP library answers by itself.
std::string_view status_message(int status) {
    switch (status) {
        case 400:
            return "the request is not valid HTTP";
        case 404:
            return "nothing is served at this path";
        case 405:
            return "only GET and HEAD requests are served";
        case 413:
            return "the request body is too large";
        case 414:
            return "the request URL is too long";
        default:
            return "the request failed";
    }
}

std::string status_hint(int status) {
    switch (status) {
        case 404:
            return "the page is at /; the API at /api/search, /api/report/ID and /api/export.csv";
        case 413:
        case 414:
            return "send a shorter request (a query may be at most " +
                   std::to_string(schema::kMaxQueryBytes) + " bytes)";
        default:
            return "";
    }
}

bool strip_port(std::string_view& host) {
    const auto colon = host.rfind(':');
    if (colon == std::string_view::npos) {
        return true;
    }
    const std::string_view port = host.substr(colon + 1);
    if (port.empty() || !std::all_of(port.begin(), port.end(), [](unsigned char c) {
            return std::isdigit(c) != 0;
        })) {
        return false;
    }
    host = host.substr(0, colon);
    return true;
}

/// @return true for "localhost", an IPv4 address in 127.0.0.0/8 or the IPv6 loopback address.
bool is_loopback_name(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    if (lower == "localhost") {
        return true;
    }
    unsigned char address[16];
    if (inet_pton(AF_INET, lower.c_str(), address) == 1) {
        return address[0] == 127;
    }
    if (inet_pton(AF_INET6, lower.c_str(), address) == 1) {
        static constexpr unsigned char kLoopback[16] = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        return std::equal(std::begin(address), std::end(address), std::begin(kLoopback));
    }
    return false;
}

/// Parses a search's parameters and runs it on a borrowed Searcher.
Result<search::SearchResponse> run_search(const httplib::Request& req,
                                          SearcherPool& pool,
                                          int default_limit,
                                          bool facets_allowed) {
    auto request = parse_search_params(req.params, default_limit);
    if (!request) {
        return tl::unexpected(request.error());
    }
    request->facets = request->facets && facets_allowed;
    auto searcher = pool.borrow();
    if (!searcher) {
        return tl::unexpected(searcher.error());
    }
    return (*searcher)->search(*request);
}

void handle_search(const httplib::Request& req, httplib::Response& res, SearcherPool& pool) {
    auto response = run_search(req, pool, kPageLimit, true);
    if (!response) {
        return send_error(res, response.error());
    }
    send_json(res, search::to_json(*response));
}

void handle_export(const httplib::Request& req, httplib::Response& res, SearcherPool& pool) {
    // A sheet takes every match up to the page limit, and has no use for facet counts.
    auto response = run_search(req, pool, schema::kMaxLimit, false);
    if (!response) {
        return send_error(res, response.error());
    }
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"gazette-export.csv\"");
    res.set_content(search::to_csv(*response), "text/csv; charset=utf-8");
}

void handle_report(const httplib::Request& req, httplib::Response& res, SearcherPool& pool) {
    if (!req.params.empty()) {
        return send_error(res,
                          400,
                          "unknown parameter '" + req.params.begin()->first + "'",
                          "a report takes no parameters: /api/report/ID");
    }
    const std::string id = req.matches[1];
    auto searcher = pool.borrow();
    if (!searcher) {
        return send_error(res, searcher.error());
    }
    auto report = (*searcher)->find_report(id);
    if (!report) {
        return send_error(res, report.error());
    }
    if (!*report) {
        return send_error(res,
                          404,
                          "no report has the id '" + id + "'",
                          "ids are listed in search results (the id field)");
    }
    send_json(res, search::report_to_json(**report));
}

}  // namespace

int http_status(ErrorCode code) {
    switch (code) {
        case ErrorCode::Usage:
        case ErrorCode::Query:
            return 400;
        case ErrorCode::DatabaseMissing:
        case ErrorCode::DatabaseNotGazette:
        case ErrorCode::DatabaseLocked:
        case ErrorCode::DatabaseCorrupt:
        case ErrorCode::SchemaMismatch:
            return 503;
        case ErrorCode::Input:
        case ErrorCode::Io:
        case ErrorCode::Internal:
            return 500;
    }
    return 500;
}

bool is_loopback_host(std::string_view host_header) {
    std::string_view host = host_header;
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        if (close == std::string_view::npos) {
            return false;
        }
        std::string_view rest = host.substr(close + 1);
        if (!rest.empty() && (!rest.starts_with(':') || !strip_port(rest))) {
            return false;
        }
        return is_loopback_name(host.substr(1, close - 1));
    }
    return strip_port(host) && is_loopback_name(host);
}

bool is_loopback_bind(std::string_view host) {
    if (host.starts_with('[') && host.ends_with(']')) {
        host = host.substr(1, host.size() - 2);
    }
    return is_loopback_name(host);
}

void install_api(httplib::Server& server, SearcherPool& pool, const ApiOptions& options) {
    server.set_default_headers({
        {"Content-Security-Policy", std::string(kContentSecurityPolicy)},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
    });
    server.set_payload_max_length(schema::kMaxRequestBodyBytes);

    server.set_pre_routing_handler([options](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            send_error(res, 405, status_message(405), "");
            return httplib::Server::HandlerResponse::Handled;
        }
        // GET requests need no body: a large one is refused before anything reads it.
        if (req.get_header_value<std::uint64_t>("Content-Length") > schema::kMaxRequestBodyBytes) {
            res.set_header("Connection", "close");
            send_error(res, 413, status_message(413), "send the search as URL parameters");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (options.loopback_hosts_only && req.has_header("Host") &&
            !is_loopback_host(req.get_header_value("Host"))) {
            send_error(res,
                       403,
                       "this server answers only requests for localhost",
                       "open it as http://127.0.0.1:PORT/, or start it with --host to serve "
                       "other names");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server.Get("/api/search", [&pool](const httplib::Request& req, httplib::Response& res) {
        handle_search(req, res, pool);
    });
    server.Get("/api/export.csv", [&pool](const httplib::Request& req, httplib::Response& res) {
        handle_export(req, res, pool);
    });
    server.Get("/api/report/(.+)", [&pool](const httplib::Request& req, httplib::Response& res) {
        handle_report(req, res, pool);
    });
    // The page: its own files, and itself again for a report's address (it shows the report).
    server.Get("/(report/.+)?", [](const httplib::Request&, httplib::Response& res) {
        send_asset(res, *find_asset("/index.html"));
    });
    server.Get("/.+", [](const httplib::Request& req, httplib::Response& res) {
        const WebAsset* asset = find_asset(req.path);
        if (asset == nullptr || req.path.starts_with("/api/")) {
            return send_error(res, 404, status_message(404), status_hint(404));
        }
        send_asset(res, *asset);
    });

    // Statuses the library sets by itself (a malformed request, a URL too long) get a JSON body.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            send_error(res, res.status, status_message(res.status), status_hint(res.status));
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(std::move(error));
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            std::cerr << "gazette-serve: " << req.method << ' ' << req.path << ": " << what << '\n';
            send_error(res, 500, "internal error: " + what, "please report this with the request");
        });
    if (options.access_log) {
        server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::cerr << req.remote_addr << ' ' << req.method << ' ' << req.target << ' '
                      << res.status << '\n';
        });
    }
}

}  // namespace gazette::serve
