#include "searcher/serve/http_api.hpp"

#include "searcher/serve/web_assets.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <string>

using namespace gazette;

TEST_SUITE("serve") {
    TEST_CASE("http_api: errors map to HTTP statuses") {
        CHECK(serve::http_status(ErrorCode::Query) == 400);
        CHECK(serve::http_status(ErrorCode::Usage) == 400);
        CHECK(serve::http_status(ErrorCode::DatabaseMissing) == 503);
        CHECK(serve::http_status(ErrorCode::DatabaseLocked) == 503);
        CHECK(serve::http_status(ErrorCode::SchemaMismatch) == 503);
        CHECK(serve::http_status(ErrorCode::Internal) == 500);
    }

    TEST_CASE("http_api: only names of this machine pass the Host check") {
        for (const char* host : {"localhost",
                                 "LOCALHOST:8080",
                                 "127.0.0.1",
                                 "127.0.0.1:54321",
                                 "127.1.2.3:80",
                                 "[::1]",
                                 "[::1]:8080"}) {
            CAPTURE(host);
            CHECK(serve::is_loopback_host(host));
        }
        for (const char* host : {"evil.example",
                                 "evil.example:8080",
                                 "localhost.evil.example",
                                 "127.0.0.1.evil.example",
                                 "10.0.0.1",
                                 "[::2]:80",
                                 "[::1",
                                 "127.0.0.1:",
                                 "127.0.0.1:80x",
                                 "",
                                 "0.0.0.0"}) {
            CAPTURE(host);
            CHECK_FALSE(serve::is_loopback_host(host));
        }
        CHECK(serve::is_loopback_bind("127.0.0.1"));
        CHECK(serve::is_loopback_bind("::1"));
        CHECK(serve::is_loopback_bind("localhost"));
        CHECK_FALSE(serve::is_loopback_bind("0.0.0.0"));
        CHECK_FALSE(serve::is_loopback_bind("192.168.1.5"));
    }

    TEST_CASE("web_assets: the page's files are embedded, with their types, and nothing else") {
        const serve::WebAsset* index = serve::find_asset("/index.html");
        REQUIRE(index != nullptr);
        CHECK(index->content_type == "text/html; charset=utf-8");
        CHECK(index->bytes.starts_with("<!doctype html>"));
        const serve::WebAsset* app = serve::find_asset("/app.js");
        REQUIRE(app != nullptr);
        CHECK(app->content_type == "text/javascript; charset=utf-8");
        CHECK(serve::find_asset("/style.css") != nullptr);
        CHECK(serve::find_asset("/") == nullptr);
        CHECK(serve::find_asset("app.js") == nullptr);
        CHECK(serve::find_asset("/../app.js") == nullptr);
        CHECK(serve::find_asset("/web/app.js") == nullptr);
        CHECK(serve::content_type_for("x.svg") == "image/svg+xml");
        CHECK(serve::content_type_for("x.bin") == "application/octet-stream");
    }

    TEST_CASE("web_assets: the page has no inline script and builds no HTML from strings") {
        const std::string page(serve::find_asset("/index.html")->bytes);
        const std::regex script_tag("<script[^>]*>");
        for (auto it = std::sregex_iterator(page.begin(), page.end(), script_tag);
             it != std::sregex_iterator();
             ++it) {
            CHECK(it->str().find("src=") != std::string::npos);
        }
        CHECK(page.find(" on") == std::string::npos);  // no onclick= and the like
        for (const auto& asset : serve::web_assets()) {
            if (!asset.path.ends_with(".js")) {
                continue;
            }
            CAPTURE(asset.path);
            for (const char* sink : {"innerHTML",
                                     "outerHTML",
                                     "insertAdjacentHTML",
                                     "document.write",
                                     "eval(",
                                     "new Function"}) {
                CAPTURE(sink);
                CHECK(asset.bytes.find(sink) == std::string_view::npos);
            }
        }
    }
}
