/// @file test_facet_selection.cpp
/// @brief Which filter is a facet's own, what counting without it drops, which values it marks.
#include <catch2/catch.hpp>

#include "searcher/facet_selection.hpp"

using namespace newsdex::searcher;

TEST_CASE("a facet's own filter: source, category, date, and entities by type", "[facets]") {
    SearchRequest request;
    for (const char* facet : {"source", "category", "date", "entity", "person", "place"})
        CHECK_FALSE(has_own_filter(request, facet));
    request.sources = {"bbc"};
    request.to = "2020";
    request.entities = {"person:volcker", "person:baker"};
    CHECK(has_own_filter(request, "source"));
    CHECK_FALSE(has_own_filter(request, "date"));  // a range zooms the histogram instead
    CHECK(has_own_filter(request, "entity"));
    CHECK(has_own_filter(request, "person"));  // every value is a person
    CHECK_FALSE(has_own_filter(request, "place"));
    CHECK_FALSE(has_own_filter(request, "category"));
    request.entities.push_back("fed");  // a bare name: the entity facet's alone
    CHECK_FALSE(has_own_filter(request, "person"));
    CHECK(has_own_filter(request, "entity"));

    const SearchRequest counting = without_own_filter(request, "source");
    CHECK(counting.sources.empty());
    CHECK(counting.entities == request.entities);
    CHECK(counting.to == request.to);
    CHECK(counting.facets == std::vector<std::string>{"source"});
    CHECK(counting.limit == 0);
    CHECK(without_own_filter(request, "entity").entities.empty());
}

TEST_CASE("mark_selected marks the chosen values, ignoring case, and what aliases became",
          "[facets]") {
    SearchRequest request;
    request.sources = {"bbc"};
    request.entities = {"place:usa"};
    Facet source{"source", "", {{"BBC", 5}, {"Reuters", 9}}, 0};
    mark_selected(source, request, {});
    CHECK(source.values[0].selected);
    CHECK_FALSE(source.values[1].selected);
    Facet entity{"entity", "", {{"place:United States", 4}, {"place:Japan", 2}}, 0};
    mark_selected(entity, request, {{"place", "usa", {"united states"}}});
    CHECK(entity.values[0].selected);
    CHECK_FALSE(entity.values[1].selected);
    // No selection of its own: nothing marked.
    Facet category{"category", "", {{"bbc", 1}}, 0};
    mark_selected(category, request, {});
    CHECK_FALSE(category.values[0].selected);
}
