/// @file test_word_boundaries.cpp
/// @brief Dotted acronyms, elisions and accent folding: the words the index and queries share.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/accent_folding.hpp"
#include "common/language.hpp"
#include "common/word_boundaries.hpp"

using namespace newsdex;

namespace {

std::string marked(std::string text, ElisionMark mark = ElisionMark::space) {
    mark_word_boundaries(text, mark);
    return text;
}

/// The terms Xapian's TermGenerator makes of `text` once marked, with the English stemmer of
/// the index: what an article's body gives.
std::vector<std::string> terms_of(const std::string& text) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_for("en"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(marked(text));
    return {doc.termlist_begin(), doc.termlist_end()};
}

}  // namespace

TEST_CASE("dotted acronyms become one word, distinct from the word they spell", "[analysis]") {
    CHECK(marked("the U.S. said") == "the U_S. said");
    CHECK(marked("U.S.A. and u.k.") == "U_S_A. and u_k.");
    CHECK(marked("a U.S.-based firm") == "a U_S.-based firm");
    CHECK(marked("U.S") == "U_S");
    // Not acronyms: a letter with a word after its dot, decimals, a lone initial, e-mail.
    CHECK(marked("U.Steel") == "U.Steel");
    CHECK(marked("3.5 pct") == "3.5 pct");
    CHECK(marked("J. Smith") == "J. Smith");
    CHECK(marked("ab.cd") == "ab.cd");
    CHECK(terms_of("LET U.S. BANKS let us") ==
          std::vector<std::string>{"bank", "let", "u_s", "us"});
    const std::string text = "U.S. aid to the U.K.";
    CHECK(marked(text).size() == text.size());
}

TEST_CASE("French and Italian elisions are cut off, keeping the text's length", "[analysis]") {
    CHECK(marked("l'inflation") == "  inflation");
    CHECK(marked("Côte d'Ivoire") == "Côte   Ivoire");
    CHECK(marked("qu'il") == "   il");
    CHECK(marked("dell'anno") == "     anno");
    CHECK(marked("l\xE2\x80\x99\x65uro") == "    euro");  // U+2019, three bytes
    // English contractions and possessives, and a quotation after l', stay as written.
    CHECK(marked("don't") == "don't");
    CHECK(marked("Reuters' view") == "Reuters' view");
    CHECK(marked("O'Brien") == "O'Brien");
    CHECK(marked("l' 5") == "l' 5");
    CHECK(terms_of("l'inflation d'Ivoire") == std::vector<std::string>{"inflat", "ivoir"});
}

TEST_CASE("reversible marks come back out of a snippet", "[analysis]") {
    const std::string text = "L'inflation aux U.S. et l\xE2\x80\x99\x65uro";
    std::string snippet = marked(text, ElisionMark::reversible);
    CHECK(snippet != text);
    CHECK(snippet.find("U_S.") != std::string::npos);
    unmark_word_boundaries(snippet);
    CHECK(snippet == text);
}

TEST_CASE("accents are folded after stemming, so either spelling finds both", "[analysis]") {
    CHECK(fold_accents("José Gómez") == "Jose Gomez");
    CHECK(fold_accents("straße øre Æther") == "strasse ore aether");
    CHECK(fold_accents("plain ascii") == "plain ascii");
    CHECK(fold_accents("Jose\xCC\x81") == "Jose");  // a combining acute accent is dropped
    CHECK(fold_accents("Москва") == "Москва");      // not Latin: as it is
    CHECK(fold_accents("\xC3") == "\xC3");          // a broken sequence: as it is
    const Xapian::Stem english = stemmer_for("en");
    CHECK(english("josé") == english("jose"));
    CHECK(english("josé") == "jose");
    const Xapian::Stem french = stemmer_for("fr");
    CHECK(french("économie") == "econom");
    CHECK(french("économies") == french("économie"));
    // Marked acronyms are not stemmed: Snowball would make u_s into u_.
    CHECK(english("u_s") == "u_s");
    CHECK(stemmer_name(english) == "english");
}
