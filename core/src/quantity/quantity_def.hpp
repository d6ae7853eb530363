// whosays quantity grammar: the definition. Included once, by quantity.cpp.
//
// The grammar reads an ASCII-lowercased copy of the text (so every word
// table is lower case and the grammar is case-insensitive) with no skipper:
// spaces are explicit (`sp`), because "sixty-six" and "10-15" differ from
// "sixty six" and "10 - 15" only in them. Every word must end at a word
// boundary (`wb`), so "ten" never matches in "tenant".
#pragma once

#include <boost/fusion/include/at_c.hpp>
#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

#include <cmath>
#include <optional>

#include "quantity/actions.hpp"
#include "quantity/ast.hpp"
#include "quantity/ast_adapted.hpp"
#include "quantity/primitives.hpp"
#include "quantity/quantity.hpp"
#include "quantity/tables.hpp"

// The word tables (tables.hpp), primitive parsers (primitives.hpp) and
// semantic actions (actions.hpp) the rules below are made of live in their
// own headers; this file keeps the tutorial's Rule IDs / Rules / Grammar /
// Annotation.
namespace whosays::quantity {

namespace parser {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::eps;
using x3::lit;
using x3::omit;

// ---------------------------------------------------------------------------
// Rule IDs
// ---------------------------------------------------------------------------

// Figures and amounts record where they start and end (annotate_on_success
// puts the positions in the Annotator found under x3::error_handler_tag).
struct figure_class : x3::annotate_on_success {};
struct amount_class : x3::annotate_on_success {};
struct single_amount_class : x3::annotate_on_success {};
struct pair_amount_class : x3::annotate_on_success {};
struct phrase_class {};

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

// WHOSAYS_RULES(attribute, (name)(name)...): rules with one attribute type,
// each named "name" for X3's debug output, with the ID name_class (declared
// here unless the Rule IDs above define it, as the annotated ones do).
#define WHOSAYS_RULE(r, attribute, name) \
  x3::rule<struct BOOST_PP_CAT(name, _class), attribute> const name = BOOST_PP_STRINGIZE(name);
#define WHOSAYS_RULES(attribute, names) BOOST_PP_SEQ_FOR_EACH(WHOSAYS_RULE, attribute, names)

WHOSAYS_RULES(ast::Token, (token))
WHOSAYS_RULES(ast::WordNumber, (word_number))
WHOSAYS_RULES(ast::Clock, (clock))
WHOSAYS_RULES(ast::Figure, (clock_figure)(digit_figure)(vague_figure)(word_figure)(figure))
WHOSAYS_RULES(ast::Interval, (vague_word))
WHOSAYS_RULES(double, (multiplier))
WHOSAYS_RULES(bool, (modifier))
WHOSAYS_RULES(ast::Cue, (unit)(lead)(next))
WHOSAYS_RULES(ast::Amount, (amount_core)(single_amount_core)(pair_amount_core)(amount)(single_amount)(pair_amount))
WHOSAYS_RULES(ast::Two<ast::Amount>, (body))
phrase_type const phrase = "phrase";

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

// A hyphen inside a word ("sixty-six", "25-year-old"): - ‐ ‑
auto const hyphen = lit('-') | lit("\xE2\x80\x90") | lit("\xE2\x80\x91");
// A dash between the ends of a range ("10-15", "2013–2019"): also – —
auto const dash = hyphen | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");
auto const letters = +x3::char_('a', 'z');

// Written numbers.
auto const token_def = number_words >> wb;
auto const word_number_def =
    (token[word_first_action{}] | (lit("half a") >> wb)[word_article_action<1>{}] |
     (lit("a") >> wb >> &(sp >> token))[word_article_action<2>{}]) >>
    *((sp >> lit("and") >> wb >> sp >> token)[word_next_action<true>{}] |
      ((hyphen | sp) >> token)[word_next_action<false>{}]) >>
    eps[word_finish_action{}];

// Figures.
// Not x3::digit: its character classes assert (and call <cctype>) on
// non-ASCII bytes; char ranges only compare.
auto const clock_def = x3::uint_parser<unsigned, 10, 1, 2>{} >> ':' >> x3::uint_parser<unsigned, 10, 2, 2>{} >>
                       !x3::char_('0', '9');
auto const clock_figure_def = clock[clock_to_figure_action{}];
auto const multiplier_def = (lit("of") >> wb >> sp >> plural_scales >> wb) | (scale_words >> wb);
auto const digit_figure_def = (numeral >> -(sp >> scale_words >> wb))[digits_to_figure_action{}];
auto const vague_word_def = vague_words >> wb;
auto const vague_figure_def =
    (vague_word >> -(sp >> (lit("or") | lit("to")) >> wb >> sp >> vague_word) >> -(sp >> multiplier))
        [vague_to_figure_action{}];
auto const word_figure_def = word_number[words_to_figure_action{}];
// No action here, so annotate_on_success sees the Figure (see Annotation).
auto const figure_def = clock_figure | digit_figure | vague_figure | word_figure;

// Amounts: modifier, figure or range, unit, "or more".
auto const modifier_def = modifiers >> wb;
auto const unit_def = (glued_units >> wb) | (-(sp | hyphen) >> units >> wb) |
                      (hyphen >> !(lit("plus") >> wb) >> omit[letters] >> wb >> attr(ast::Cue::measure));
auto const range_link = (-sp >> dash >> -sp) | (sp >> (lit("to") | lit("or")) >> wb >> sp);
auto const opener = ((sp >> open_words) | (hyphen >> lit("plus")) | lit('+')) >> wb;
auto const amount_tail = -unit[assign<&ast::Amount::unit>] >> -opener[set<&ast::Amount::approximate>] >> wb;
auto const modifier_part = -(modifier >> sp)[modifier_action{}] >> -(currency_signs >> -sp)[set<&ast::Amount::currency>];

auto const amount_core_def =
    eps[reset] >> modifier_part >>
    ((lit("between") >> wb >> sp >> figure >> sp >> lit("and") >> wb >> sp >> figure)[pair_action{}] |
     (figure >> -(range_link >> figure))[range_action{}]) >>
    amount_tail;
auto const single_amount_core_def = eps[reset] >> modifier_part >> figure[single_figure_action{}] >>
                               amount_tail;
auto const pair_amount_core_def = eps[reset] >>
                             (figure >> sp >> lit("and") >> wb >> sp >> figure)[pair_action{}] >> amount_tail;

// X3 hands on_success the rule's attribute only when the rule's right-hand
// side has no semantic action, so each tagged rule is a plain wrapper.
auto const amount_def = amount_core;
auto const single_amount_def = single_amount_core;
auto const pair_amount_def = pair_amount_core;

// Phrases: an optional context word, one amount or a change, the next word.
// The amount alone is tried before a context word, so the modifier "no
// fewer than" wins over the context word "no".
auto const body_def =
    (lit("from") >> wb >> sp >> single_amount >> sp >> lit("to") >> wb >> sp >> single_amount)[change_action{}] |
    amount[one_amount_action{}];
auto const lead_def = lead_words >> wb >> sp;
auto const next_def = (next_words >> wb) | (omit[letters] >> sp >> street_words >> wb >> attr(ast::Cue::street));
auto const phrase_def =
    eps[reset] >>
    (((lit("between the ages of") | lit("the ages of") | lit("ages of") | lit("age of")) >> wb >> sp >>
      pair_amount)[age_pair_action{}] |
     body[assign<&ast::Phrase::amounts>] | (lead >> body)[lead_body_action{}]) >>
    -(&(sp >> next[assign<&ast::Phrase::next>])) >> -(sp >> omit[letters] >> sp >> open_words >> wb)[set<&ast::Phrase::open_after_noun>];

BOOST_SPIRIT_DEFINE(token, word_number, clock, clock_figure, digit_figure, vague_figure, word_figure, figure,
                    vague_word, multiplier, modifier, unit, amount_core, single_amount_core,
                    pair_amount_core, amount, single_amount, pair_amount, body, lead, next,
                    phrase)
#undef WHOSAYS_RULES
#undef WHOSAYS_RULE

// ---------------------------------------------------------------------------
// Annotation
// ---------------------------------------------------------------------------
// figure_class, amount_class, single_amount_class and pair_amount_class
// derive from x3::annotate_on_success (Rule IDs above). X3 passes on_success
// the rule's attribute only when the right-hand side has no semantic action,
// so those four rules are plain wrappers or alternatives of rules. When one
// of them succeeds, its ast::Figure / ast::Amount (x3::position_tagged) gets
// the [first, last) of its match in the Annotator (config.hpp), which
// find_quantities turns into byte spans. Nothing else is tagged.

}  // namespace parser

parser::phrase_type const& phrase() { return parser::phrase; }

}  // namespace whosays::quantity
