/// @file
/// gazette-serve's HTTP surface on cpp-httplib: the JSON API (/api/search, /api/report/ID,
/// /api/export.csv), the embedded search page, security headers, request limits and errors as
/// JSON. Each request borrows its own Searcher from a pool, so requests run in parallel.
#pragma once

#include "common/error.hpp"
#include "searcher/serve/searcher_pool.hpp"

#include <string>
#include <string_view>

namespace httplib {
class Server;
}

namespace gazette::serve {

struct ApiOptions {
    /// Answer only requests whose Host names this machine (localhost, 127.x.x.x, [::1]), so
    /// that a web page elsewhere cannot reach a loopback server through DNS rebinding.
    bool loopback_hosts_only = true;
    /// Print one line per request to stderr.
    bool access_log = false;
};

/// The Content-Security-Policy of every response: scripts and styles from this server only,
/// no inline script, no frames, no plugins.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Registers the routes, headers, limits and error handlers on `server`. `pool` must outlive it.
void install_api(httplib::Server& server, SearcherPool& pool, const ApiOptions& options);

/// @return the HTTP status for an error: 400 for a bad request or query, 503 when the database
/// cannot be used, 500 for anything else.
[[nodiscard]] int http_status(ErrorCode code);

/// @return true when a Host header value names this machine: localhost, 127.x.x.x or [::1], with
/// or without a port.
[[nodiscard]] bool is_loopback_host(std::string_view host_header);

/// @return true when a --host value is a loopback address or name.
[[nodiscard]] bool is_loopback_bind(std::string_view host);

}  // namespace gazette::serve
