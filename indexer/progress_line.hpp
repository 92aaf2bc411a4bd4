/// @file progress_line.hpp
/// @brief The line newsdex-index redraws on a terminal while it runs.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/index_run.hpp"

namespace newsdex::indexer {

/// "37% of 33.2 MB, 8,000 docs, 2,771 docs/s, 2.1 MB/s, ETA 0:12, data/reut2-004.sgm" (the
/// share, the remaining time and the total only when the inputs' size is known), at most
/// `width` columns: the file name loses its start first ("...reut2-004.sgm"), then the last
/// fields go.
[[nodiscard]] std::string progress_line(const IndexProgress& progress, std::size_t width);

}  // namespace newsdex::indexer
