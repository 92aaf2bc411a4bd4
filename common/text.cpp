/// @file text.cpp
/// @brief UTF-8 repair, HTML entity decoding, white-space folding and case folding.
#include "common/text.hpp"

#include <array>
#include <cstdint>

// Xapian 1.4 refuses direct includes of its sub-headers (#error); <xapian.h> is the only way in.
#include <xapian.h>

namespace newsdex {

namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Whether a code point is a control character newsdex drops: C0 except tab and newline,
/// DEL, and the C1 range.
bool is_dropped_control(char32_t cp) {
    if (cp == '\t' || cp == '\n') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Length of the well-formed UTF-8 sequence at text[i] (2-4), or 0 when it is not one.
/// Overlong forms, surrogates and code points past U+10FFFF are not well-formed (RFC 3629).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

/// The code point of a stray byte >= 0x80. Text labelled Latin-1 is in practice almost always
/// Windows-1252, whose 0x80-0x9F are printable (curly quotes, dashes); the five bytes
/// Windows-1252 leaves undefined map to 0 and are dropped.
char32_t latin1_code_point(unsigned char b) {
    static constexpr std::array<char16_t, 32> cp1252 = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (b >= 0x80 && b <= 0x9F) return cp1252[b - 0x80];
    return b;
}

}  // namespace

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            if (!is_dropped_control(b)) out += static_cast<char>(b);
            ++i;
            continue;
        }
        if (const std::size_t length = utf8_sequence_length(text, i)) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        if (const char32_t cp = latin1_code_point(b)) append_utf8(out, cp);
        ++i;
    }
    return out;
}

std::string decode_html_entities(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, char32_t>, 6> named = {
        {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}}};
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, amp - i));
        i = amp + 1;
        // Entity names and numbers are short; a ';' further away is not this one's.
        const std::size_t semi = text.substr(0, std::min(text.size(), amp + 12)).find(';', amp);
        if (semi == std::string_view::npos) {
            out += '&';
            continue;
        }
        const std::string_view name = text.substr(amp + 1, semi - amp - 1);
        bool decoded = false;
        if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            bool ok = !digits.empty() && digits.size() <= 8;
            for (char c : digits) {
                int v = -1;
                if (c >= '0' && c <= '9') v = c - '0';
                if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
                if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
                if (v < 0) ok = false;
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v < 0 ? 0 : v);
            }
            if (ok) {
                decoded = true;
                // As HTML does: references to no character at all become U+FFFD.
                if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
                if (!is_dropped_control(cp)) append_utf8(out, cp);
            }
        } else {
            for (const auto& [entity, cp] : named) {
                if (name == entity) {
                    append_utf8(out, cp);
                    decoded = true;
                    break;
                }
            }
        }
        if (decoded) {
            i = semi + 1;
        } else {
            out += '&';
        }
    }
    return out;
}

std::string grouped_digits(std::uint64_t number) {
    const std::string digits = std::to_string(number);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (is_ascii_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::size_t utf8_prefix_size(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes) return text.size();
    std::size_t cut = max_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character being split.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return cut;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string to_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (ch < 0x80) {
            out += ascii_lower(static_cast<char>(ch));
        } else {
            Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
        }
    }
    return out;
}

std::string facet_key(std::string_view value) {
    return to_lower(collapse_whitespace(value));
}

}  // namespace newsdex
