// whosays quantity grammar: the AST structs that X3 fills by attribute
// propagation rather than by semantic actions.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "quantity/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(whosays::quantity::ast::Clock, hour, minute)
