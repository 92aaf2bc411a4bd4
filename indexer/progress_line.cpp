/// @file progress_line.cpp
/// @brief Share, sizes, rates, remaining time and the current file, cut to a width.
#include "indexer/progress_line.hpp"

#include <cmath>
#include <cstdio>

#include "common/text.hpp"

namespace newsdex::indexer {

namespace {

/// Bytes in the largest unit that keeps a digit before the point: "980 B", "33.2 MB".
std::string bytes(double value) {
    static const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    std::size_t unit = 0;
    while (value >= 1000 && unit + 1 < std::size(units)) {
        value /= 1000;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

/// Seconds as "0:12", "4:05" or "1:02:03".
std::string clock_time(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                      total % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    return text;
}

}  // namespace

std::string progress_line(const IndexProgress& p, std::size_t width) {
    const double seconds = p.seconds > 0 ? p.seconds : 0;
    const double byte_rate = seconds > 0 ? static_cast<double>(p.bytes_read) / seconds : 0;
    std::string line;
    if (p.total_bytes > 0) {
        const double share =
            std::min(1.0, static_cast<double>(p.bytes_read) / static_cast<double>(p.total_bytes));
        line += std::to_string(static_cast<int>(share * 100)) + "% of " +
                bytes(static_cast<double>(p.total_bytes)) + ", ";
    } else {
        line += bytes(static_cast<double>(p.bytes_read)) + " read, ";
    }
    line += grouped_digits(p.documents) + " docs";
    if (seconds > 0) {
        line +=
            ", " +
            grouped_digits(static_cast<std::uint64_t>(static_cast<double>(p.documents) / seconds)) +
            " docs/s, " + bytes(byte_rate) + "/s";
        if (p.total_bytes > p.bytes_read && byte_rate > 0)
            line += ", ETA " +
                    clock_time(static_cast<double>(p.total_bytes - p.bytes_read) / byte_rate);
    }
    if (line.size() > width) {
        // Whole fields only: drop the last ones that do not fit.
        const std::size_t cut = line.rfind(", ", width);
        return line.substr(0, cut == std::string::npos ? width : cut);
    }
    if (p.current_file.empty() || line.size() + 2 >= width) return line;
    const std::size_t room = width - line.size() - 2;
    std::string file = p.current_file;
    if (file.size() > room) {
        if (room <= 3) return line;
        // Cut from the start, on a character boundary: the end names the file.
        std::size_t cut = file.size() - (room - 3);
        while (cut < file.size() && (static_cast<unsigned char>(file[cut]) & 0xC0) == 0x80) ++cut;
        file = "..." + file.substr(cut);
    }
    return line + ", " + file;
}

}  // namespace newsdex::indexer
