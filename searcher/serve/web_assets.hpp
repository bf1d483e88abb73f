/// @file
/// The search page's files (searcher/web/), embedded into gazette-serve at build time so that the
/// binary serves them without the source tree, and serves nothing else: a path is looked up in
/// this table, never on the file system.
#pragma once

#include <span>
#include <string_view>

namespace gazette::serve {

struct WebAsset {
    std::string_view path;  ///< as requested: "/app.js"
    std::string_view content_type;
    std::string_view bytes;
};

/// @return the embedded file served at `path`, or nullptr.
[[nodiscard]] const WebAsset* find_asset(std::string_view path);

/// @return every embedded file.
[[nodiscard]] std::span<const WebAsset> web_assets();

/// @return the Content-Type for a file name, by its extension.
[[nodiscard]] std::string_view content_type_for(std::string_view name);

}  // namespace gazette::serve
