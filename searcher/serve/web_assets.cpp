#include "searcher/serve/web_assets.hpp"

#include <array>
#include <utility>

namespace gazette::serve {

std::string_view content_type_for(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".json", "application/json"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (name.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

const WebAsset* find_asset(std::string_view path) {
    for (const auto& asset : web_assets()) {
        if (asset.path == path) {
            return &asset;
        }
    }
    return nullptr;
}

}  // namespace gazette::serve
