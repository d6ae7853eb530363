// whosays quantity grammar: the declaration of the top rule. One parse of
// `phrase()` at a word start reads one quantity phrase: an optional context
// word ("aged", "a city of", "$"), the amount ("at least 35", "10 to 15",
// "from fourteen to 31"), and a look at the next word ("people", "January").
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "quantity/ast.hpp"

namespace whosays::quantity::parser {

namespace x3 = boost::spirit::x3;

struct phrase_class;
using phrase_type = x3::rule<phrase_class, ast::Phrase>;
BOOST_SPIRIT_DECLARE(phrase_type)

}  // namespace whosays::quantity::parser

namespace whosays::quantity {

parser::phrase_type const& phrase();

}  // namespace whosays::quantity
