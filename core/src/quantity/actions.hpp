// whosays quantity grammar: semantic actions. Included by quantity_def.hpp.
#pragma once

#include <algorithm>

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "quantity/ast.hpp"

namespace whosays::quantity {

namespace parser {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------

// Reads one more number word into a WordNumber, or refuses it (so "five six"
// stays two numbers and "two hundred five hundred" stops after "five").
inline bool accept_word(ast::WordNumber& number, const ast::Token& token, bool after_and) {
  using L = ast::WordNumber::Last;
  using K = ast::TokenKind;
  const bool group_open = number.last == L::hundred || number.last == L::scale;
  if (after_and && !(group_open && (token.kind == K::unit || token.kind == K::teen || token.kind == K::tens)))
    return false;
  switch (token.kind) {
    case K::unit:
      if (number.last == L::none || group_open) {
        number.current += token.value;
      } else if (number.last == L::tens && token.value > 0) {
        number.current += token.value;
      } else {
        return false;
      }
      number.last = L::unit;
      return true;
    case K::teen:
    case K::tens:
      if (!(number.last == L::none || group_open)) return false;
      number.current += token.value;
      number.last = token.kind == K::teen ? L::teen : L::tens;
      return true;
    case K::hundred:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens))
        return false;
      if (number.current <= 0 || number.current >= 100) return false;
      number.current *= 100;
      number.last = L::hundred;
      return true;
    case K::scale:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens ||
            number.last == L::hundred))
        return false;
      if (number.current <= 0 || (number.last_scale > 0 && token.value >= number.last_scale)) return false;
      number.total += number.current * token.value;
      number.current = 0;
      number.last_scale = token.value;
      number.last = L::scale;
      return true;
    case K::dozen:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens))
        return false;
      if (number.current <= 0 || number.total > 0) return false;
      number.current *= 12;
      number.last = L::dozen;
      return true;
  }
  return false;
}

inline ast::Figure make_figure(double min, double max, ast::Form form) {
  ast::Figure figure;
  figure.min = min;
  figure.max = max;
  figure.form = form;
  return figure;
}

struct word_first_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& number = x3::_val(ctx);
    const ast::Token& token = x3::_attr(ctx);
    // A written number starts with a unit, teen or tens word; "hundred" and
    // the scales need "a" or a count before them.
    if (token.kind != ast::TokenKind::unit && token.kind != ast::TokenKind::teen &&
        token.kind != ast::TokenKind::tens) {
      x3::_pass(ctx) = false;
      return;
    }
    number = ast::WordNumber{};
    x3::_pass(ctx) = accept_word(number, token, false);
  }
};

template <bool AfterAnd>
struct word_next_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_pass(ctx) = accept_word(x3::_val(ctx), x3::_attr(ctx), AfterAnd);
  }
};

// "a" (1) and "half a" (0.5) only count before "hundred", a scale or "dozen".
template <int Halves>
struct word_article_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& number = x3::_val(ctx);
    number = ast::WordNumber{};
    number.current = Halves / 2.0;
    number.last = ast::WordNumber::Last::a;
  }
};

struct word_finish_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_pass(ctx) = x3::_val(ctx).last != ast::WordNumber::Last::a;
  }
};

struct words_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    const ast::WordNumber& number = x3::_attr(ctx);
    const double value = number.total + number.current;
    x3::_val(ctx) = make_figure(value, value, ast::Form::words);
  }
};

struct digits_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    ast::Figure figure = at_c<0>(x3::_attr(ctx));
    const auto& scale = at_c<1>(x3::_attr(ctx));
    if (scale && figure.form != ast::Form::overlong) {
      figure.min = figure.max = figure.min * *scale;
      figure.form = ast::Form::decimal;
      figure.digits = 0;
      figure.decimal_point = false;
    }
    x3::_val(ctx) = figure;
  }
};

struct clock_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    const ast::Clock& clock = x3::_attr(ctx);
    if (clock.hour > 24 || clock.minute > 59) {
      x3::_pass(ctx) = false;
      return;
    }
    const double hhmm = clock.hour * 100.0 + clock.minute;
    x3::_val(ctx) = make_figure(hhmm, hhmm, ast::Form::clock);
  }
};

// "tens or hundreds of thousands": the interval from the first word's
// minimum to the second's maximum, both times the scale.
struct vague_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    ast::Interval interval = at_c<0>(x3::_attr(ctx));
    const auto& second = at_c<1>(x3::_attr(ctx));
    const auto& scale = at_c<2>(x3::_attr(ctx));
    if (second) interval.max = std::max(interval.max, second->max);
    const double factor = scale ? *scale : 1.0;
    x3::_val(ctx) = make_figure(interval.min * factor, interval.max * factor, ast::Form::vague);
  }
};

// Small actions on the rule's value: start afresh, copy the parsed attribute
// into a member, or set a flag.
inline auto const reset = [](auto& ctx) { x3::_val(ctx) = {}; };
template <auto Member>
inline auto const assign = [](auto& ctx) { x3::_val(ctx).*Member = x3::_attr(ctx); };
template <auto Member>
inline auto const set = [](auto& ctx) { x3::_val(ctx).*Member = true; };

struct modifier_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).modified = true;
    x3::_val(ctx).approximate = x3::_attr(ctx);
  }
};

struct single_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).figures.assign(x3::_attr(ctx));
  }
};

struct range_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    x3::_val(ctx).figures.assign(at_c<0>(x3::_attr(ctx)));
    if (at_c<1>(x3::_attr(ctx))) x3::_val(ctx).figures.push_back(*at_c<1>(x3::_attr(ctx)));
  }
};

// Two figures ("between 36 and 40") or two amounts ("from fourteen to 31").
template <typename Both, typename Attribute>
void assign_both(Both& both, const Attribute& attribute) {
  using boost::fusion::at_c;
  both.assign(at_c<0>(attribute));
  both.push_back(at_c<1>(attribute));
}

struct pair_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    assign_both(x3::_val(ctx).figures, x3::_attr(ctx));
  }
};

struct change_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    assign_both(x3::_val(ctx), x3::_attr(ctx));
  }
};

struct one_amount_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).assign(x3::_attr(ctx));
  }
};

struct age_pair_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& phrase = x3::_val(ctx);
    phrase.lead = ast::Cue::age;
    phrase.amounts.assign(x3::_attr(ctx));
  }
};

struct lead_body_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    auto& phrase = x3::_val(ctx);
    phrase.lead = at_c<0>(x3::_attr(ctx));
    phrase.amounts = at_c<1>(x3::_attr(ctx));
  }
};

}  // namespace parser

}  // namespace whosays::quantity
