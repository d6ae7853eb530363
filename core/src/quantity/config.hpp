// whosays quantity grammar: the iterator and context the grammar is
// instantiated for (quantity.cpp), and the annotator that records positions.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>

#include <functional>
#include <type_traits>
#include <vector>

namespace whosays::quantity::parser {

namespace x3 = boost::spirit::x3;

// The grammar reads an ASCII-lowercased copy of the text, byte by byte.
using iterator_type = const char*;

// annotate_on_success looks under x3::error_handler_tag for something with
// tag(ast, first, last). X3's own error_handler would also want an ostream
// for messages; the core prints nothing, so this keeps only the positions,
// as x3::position_cache does (a tagged node's id_first and id_last index
// them), in a vector that keeps its capacity from one attempt to the next.
class Annotator {
 public:
  template <typename AST>
  void tag(AST& ast, iterator_type first, iterator_type last) {
    if constexpr (std::is_base_of_v<x3::position_tagged, AST>) {
      ast.id_first = static_cast<int>(positions_.size());
      positions_.push_back(first);
      ast.id_last = static_cast<int>(positions_.size());
      positions_.push_back(last);
    }
  }

  // Forgets every position recorded so far (called before each attempt, so
  // memory stays bounded by one phrase).
  void reset() { positions_.clear(); }

  const std::vector<iterator_type>& positions() const { return positions_; }

 private:
  std::vector<iterator_type> positions_;
};

using context_type = x3::context<x3::error_handler_tag, std::reference_wrapper<Annotator>, x3::unused_type>;

}  // namespace whosays::quantity::parser
