/// @file total_estimator.cpp
/// @brief Extrapolating a phrase query's total from the docid of its check_at_least-th match.
#include "searcher/total_estimator.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

/// What suits() looks for, in one walk: positional operators, and what confines matches.
struct Shape {
    bool positional = false;
    bool confined = false;
};

void survey(const Xapian::Query& query, Shape& shape) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
        case Q::OP_PHRASE:
        case Q::OP_NEAR:
            shape.positional = true;
            break;
        case Q::OP_VALUE_RANGE:
        case Q::OP_VALUE_GE:
        case Q::OP_VALUE_LE:
            shape.confined = true;
            break;
        case Q::LEAF_TERM:
            // A date term filters on a span of time, and so on a span of docids in an archive
            // indexed in time order.
            if (schema::is_date_term(*query.get_terms_begin())) shape.confined = true;
            break;
        default:
            break;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        survey(query.get_subquery(i), shape);
}

/// `n` rounded to two significant figures: the estimate is good to about a tenth, and
/// Xapian rounds its own estimates likewise rather than show figures it does not know.
Xapian::doccount two_figures(double n) {
    if (n < 100) return static_cast<Xapian::doccount>(std::lround(n));
    const double scale = std::pow(10.0, std::floor(std::log10(n)) - 1);
    return static_cast<Xapian::doccount>(std::lround(n / scale) * scale);
}

}  // namespace

bool TotalEstimator::suits(const Xapian::Query& query) {
    Shape shape;
    survey(query, shape);
    return shape.positional && !shape.confined;
}

void TotalEstimator::operator()(const Xapian::Document& doc, double) {
    // Over one database the matcher hands matches over in ascending docid order.
    if (++seen_ == sample_) sample_end_ = doc.get_docid();
}

std::string TotalEstimator::get_description() const {
    return "TotalEstimator(" + std::to_string(sample_) + ")";
}

Xapian::doccount TotalEstimator::total(const Xapian::MSet& mset, const Xapian::Database& db) const {
    const Xapian::doccount lower = mset.get_uncollapsed_matches_lower_bound();
    const Xapian::doccount upper = mset.get_uncollapsed_matches_upper_bound();
    if (lower == upper || sample_end_ == 0) return mset.get_uncollapsed_matches_estimated();
    const double extrapolated = double(sample_) * double(db.get_lastdocid()) / sample_end_;
    return std::clamp(two_figures(extrapolated), lower, upper);
}

}  // namespace newsdex::searcher
