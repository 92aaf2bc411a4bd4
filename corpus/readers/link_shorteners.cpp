/// @file link_shorteners.cpp
/// @brief The tables of news publishers' shorteners and of generic shorteners.
#include "corpus/readers/link_shorteners.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace newsdex::corpus {

namespace {

/// Publishers' own shorteners, as they appear in shared news links. politi.co is Politico's
/// (FakeNewsNet's politi.co pages name "POLITICO" as their site), not PolitiFact's.
constexpr std::array<std::pair<std::string_view, std::string_view>, 31> publisher_shorteners = {{
    {"abcn.ws", "ABC News"},
    {"apne.ws", "Associated Press"},
    {"bbc.in", "BBC News"},
    {"bloom.bg", "Bloomberg"},
    {"cbsn.ws", "CBS News"},
    {"cnb.cx", "CNBC"},
    {"cnn.it", "CNN"},
    {"dailym.ai", "Daily Mail"},
    {"econ.st", "The Economist"},
    {"fxn.ws", "Fox News"},
    {"gu.com", "The Guardian"},
    {"huff.to", "HuffPost"},
    {"ind.pn", "The Independent"},
    {"lat.ms", "Los Angeles Times"},
    {"n.pr", "NPR"},
    {"nbcnews.to", "NBC News"},
    {"nyp.st", "New York Post"},
    {"nydn.us", "New York Daily News"},
    {"nyti.ms", "The New York Times"},
    {"on.ft.com", "Financial Times"},
    {"on.wsj.com", "The Wall Street Journal"},
    {"politi.co", "Politico"},
    {"reut.rs", "Reuters"},
    {"thebea.st", "The Daily Beast"},
    {"thehill.cm", "The Hill"},
    {"ti.me", "Time"},
    {"usat.ly", "USA Today"},
    {"wapo.st", "The Washington Post"},
    {"wpo.st", "The Washington Post"},
    {"yhoo.it", "Yahoo"},
    {"youtu.be", "YouTube"},
}};

/// Shorteners anyone can use.
constexpr std::array<std::string_view, 23> generic_shorteners = {
    "bit.do", "bit.ly",  "buff.ly",     "cutt.ly", "dlvr.it",     "fb.me",
    "goo.gl", "ift.tt",  "is.gd",       "j.mp",    "lnkd.in",     "ow.ly",
    "po.st",  "rb.gy",   "rebrand.ly",  "shar.es", "shorturl.at", "t.co",
    "t.ly",   "tiny.cc", "tinyurl.com", "trib.al", "wp.me"};

}  // namespace

std::optional<std::string_view> shortener_publisher(std::string_view host) noexcept {
    const auto found = std::find_if(publisher_shorteners.begin(), publisher_shorteners.end(),
                                    [host](const auto& entry) { return entry.first == host; });
    if (found == publisher_shorteners.end()) return std::nullopt;
    return found->second;
}

bool is_generic_shortener(std::string_view host) noexcept {
    return std::find(generic_shorteners.begin(), generic_shorteners.end(), host) !=
           generic_shorteners.end();
}

}  // namespace newsdex::corpus
