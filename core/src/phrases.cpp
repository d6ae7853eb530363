#include "phrases.h"

#include <algorithm>
#include <iterator>

#include "words.h"

namespace whosays::phrases {

bool is_punct(const Token& t) { return !t.word; }

bool is(const Token& t, std::string_view word) { return t.lower == word; }

bool is_comma_like(const Token& t) { return t.lower == "," || t.lower == ";" || t.lower == ":"; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_determiner(const Token& t) {
  static constexpr std::string_view kDeterminers[] = {"the", "a", "an", "this", "these", "that", "those", "some",
                                                      "no", "any", "each", "every", "another", "other", "such"};
  return std::find(std::begin(kDeterminers), std::end(kDeterminers), t.lower) != std::end(kDeterminers);
}

bool is_quote_mark(const Token& t) {
  if (t.word || t.lower.empty()) return false;
  std::size_t length = 0;
  const char32_t c = text::decode(t.lower, 0, length);
  return c == '"' || c == '\'' || text::is_opening_quote(c) || text::is_closing_quote(c);
}

bool is_be(const Token& t) {
  return is(t, "is") || is(t, "are") || is(t, "was") || is(t, "were") || is(t, "been") || is(t, "be") ||
         is(t, "being");
}

bool is_dash_token(const Token& t) {
  if (t.word || t.lower.empty()) return false;
  std::size_t length = 0;
  return text::is_dash(text::decode(t.lower, 0, length));
}

bool is_verb_like(const Token& t) {
  const Words& w = words();
  if (!t.word || t.capitalized || t.number) return false;
  if (w.auxiliaries.contains(t.lower) || w.irregular_verbs.contains(t.lower)) return true;
  // "died", "used", "killed"; not "need", "seed".
  return t.lower.size() >= 4 && ends_with(t.lower, "ed") && !ends_with(t.lower, "eed");
}

Span span_of(const Tokens& tokens, Range r) {
  if (r.empty()) return {};
  return {tokens[r.begin].span.begin, tokens[r.end - 1].span.end};
}

std::size_t first_token_at_or_after(const Tokens& tokens, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& t, std::size_t o) { return t.span.begin < o; }) -
      tokens.begin());
}

bool looks_like_person(const Tokens& tokens, Range r) {
  const Words& w = words();
  std::size_t capitals = 0;
  bool title = false;
  bool org = false;
  for (std::size_t k = r.begin; k < r.end; ++k) {
    org = org || w.org_words.contains(tokens[k].lower);
    if (w.person_titles.contains(tokens[k].lower)) title = true;
    if (tokens[k].capitalized) ++capitals;
  }
  if (title) return true;
  if (org) return false;
  if (r.end - r.begin == 1) {
    // "Saree" is a person; "Znak.com", "NDRRMC" and "FSB" are not.
    const std::string& word = tokens[r.begin].lower;
    std::size_t upper = 0;
    for (std::size_t i = r.begin; i < r.end; ++i) upper += tokens[i].capitalized;
    const Span span = tokens[r.begin].span;
    return upper == 1 && word.find('.') == std::string::npos && span.size() > 1 && word.size() > 3 &&
           !(word == "it" || word == "they");
  }
  return capitals >= 2;
}

Source classify_source(std::string_view block, const Tokens& tokens, Range r, const Registry& registry) {
  const Words& w = words();
  Source source;
  // Trim punctuation, leading conjunctions and trailing adverbs.
  while (!r.empty() && (is_punct(tokens[r.begin]) || is(tokens[r.begin], "and") || is(tokens[r.begin], "with") ||
                        is(tokens[r.begin], "but") || is(tokens[r.begin], "as")))
    ++r.begin;
  while (!r.empty() && (is_punct(tokens[r.end - 1]) || w.adverbs.contains(tokens[r.end - 1].lower) ||
                        w.auxiliaries.contains(tokens[r.end - 1].lower) ||
                        w.hedges.contains(tokens[r.end - 1].lower)))
    --r.end;
  if (r.empty() || w.prepositions.contains(tokens[r.begin].lower)) return source;
  // "a statement from the Red Cross" is the Red Cross's word.
  {
    std::size_t k = r.begin;
    if (k < r.end && (is(tokens[k], "a") || is(tokens[k], "an") || is(tokens[k], "the"))) ++k;
    while (k < r.end && !tokens[k].capitalized && !w.document_nouns.contains(tokens[k].lower) && k < r.begin + 3) ++k;
    if (k + 1 < r.end && w.document_nouns.contains(tokens[k].lower)) {
      std::size_t by = k + 1;
      if (by + 1 < r.end && is_verb_like(tokens[by])) ++by;  // "a tally kept by", "figures compiled by"
      if (is(tokens[by], "from") || is(tokens[by], "by") || is(tokens[by], "of")) r.begin = by + 1;
    }
  }
  // "A teacher who survived": the relative clause describes the source.
  for (std::size_t k = r.begin + 1; k < r.end; ++k) {
    if (is(tokens[k], "who") || is(tokens[k], "which")) {
      r.end = k;
      break;
    }
  }
  if (r.empty()) return source;
  const Span span = span_of(tokens, r);
  source.phrase = std::string(block.substr(span.begin, span.size()));
  source.text = source.phrase;
  const std::size_t length = r.end - r.begin;

  const auto resolve_pronoun = [&](std::string_view pronoun) {
    const bool person = pronoun == "he" || pronoun == "she" || pronoun == "him" || pronoun == "his" || pronoun == "her";
    const Registry::Entry* entry = registry.last(person);
    if (!entry && !person) entry = registry.last(true);
    source.kind = SourceKind::pronoun;
    if (entry) {
      source.text = entry->text;
      source.resolved = true;
      source.person = entry->person;
      source.kind = entry->generic ? SourceKind::generic : SourceKind::named;
      if (entry->generic) source.phrase = entry->text;
    }
  };

  // "He", "they", "him".
  if (length == 1 && w.pronouns.contains(tokens[r.begin].lower)) {
    resolve_pronoun(tokens[r.begin].lower);
    return source;
  }
  // Generic nouns, or a possessive pronoun with one ("its source").
  bool has_generic = false;
  bool all_generic = true;
  std::string possessor;
  for (std::size_t k = r.begin; k < r.end; ++k) {
    const Token& t = tokens[k];
    if (is_punct(t) || t.possessive) continue;
    if (w.generic_sources.contains(t.lower)) {
      has_generic = true;
    } else if (k == r.begin && w.pronouns.contains(t.lower)) {
      possessor = t.lower;
    } else if (!w.generic_qualifiers.contains(t.lower) || (t.capitalized && k != r.begin)) {
      all_generic = false;
    }
  }
  // "Several told the website ...": only a quantity, nobody named.
  if (!has_generic && all_generic && possessor.empty()) {
    source.kind = SourceKind::generic;
    return source;
  }
  if (has_generic && all_generic) {
    if (!possessor.empty()) {
      resolve_pronoun(possessor);
      if (source.kind == SourceKind::named) return source;
    }
    source.kind = SourceKind::generic;
    return source;
  }
  // "the ministry", "the agency": the last source of that kind.
  if (length == 2 && is(tokens[r.begin], "the") && !tokens[r.begin + 1].capitalized) {
    if (const Registry::Entry* entry = registry.institution_named(tokens[r.begin + 1].lower)) {
      source.text = entry->text;
      source.resolved = text::fold(entry->text) != text::fold(source.phrase);
      source.person = entry->person;
    }
    source.kind = SourceKind::named;
    return source;
  }
  // "Hotak" after "Sharif Hotak".
  if (length == 1 && tokens[r.begin].capitalized) {
    if (const Registry::Entry* entry = registry.by_last_word(tokens[r.begin].lower)) {
      source.text = entry->text;
      source.person = entry->person;
      source.kind = SourceKind::named;
      return source;
    }
  }
  source.kind = SourceKind::named;
  source.person = looks_like_person(tokens, r);
  return source;
}

bool is_description(const Tokens& tokens, Range r) {
  if (r.empty()) return false;
  const Token& first = tokens[r.begin];
  if (is(first, "of") || is(first, "who") || is(first, "which")) return true;
  if (is(first, "one") && r.end > r.begin + 1 && is(tokens[r.begin + 1], "of")) return true;  // "one of the main armed groups"
  if (ends_with(first.lower, "ing") && !first.capitalized) return true;
  // "an aide to ...", "the head of ...", "a close ally of ...", "the city's home minister".
  bool title = false;
  bool relation = false;
  for (std::size_t k = r.begin; k < r.end; ++k) {
    title = title || words().person_titles.contains(tokens[k].lower);
    relation = relation || is(tokens[k], "of") || is(tokens[k], "to") || is(tokens[k], "for");
  }
  // "a UK-based monitoring group": an indefinite phrase set off by commas.
  if ((is(first, "a") || is(first, "an")) && r.end > r.begin + 1) return true;
  if (is(first, "the") && r.end > r.begin + 1) {
    const Token& second = tokens[r.begin + 1];
    return (!second.capitalized && (title || relation)) || (title && !tokens[r.end - 1].capitalized);
  }
  // "spokesperson for the provincial governor".
  return !first.capitalized && first.word && words().person_titles.contains(first.lower);
}

bool is_pure_name(const Tokens& tokens, Range r) {
  if (r.empty() || r.end - r.begin > 8 || !tokens[r.begin].capitalized) return false;
  for (std::size_t k = r.begin; k < r.end; ++k) {
    const Token& t = tokens[k];
    if (t.capitalized || t.possessive || is_punct(t)) continue;
    if (t.lower.size() <= 3 && r.end - r.begin > 2) continue;  // bin, al, de, van
    return false;
  }
  return true;
}

bool is_acronym(std::string_view block, const Token& t) {
  if (t.span.size() < 2) return false;
  for (std::size_t i = t.span.begin; i < t.span.end; ++i) {
    const char c = block[i];
    if (!((c >= 'A' && c <= 'Z') || c == '.')) return false;
  }
  return true;
}

bool is_demonym(const Token& t) {
  const std::string& w = t.lower;
  return w.size() > 3 && (ends_with(w, "an") || ends_with(w, "ian") || ends_with(w, "ese") || ends_with(w, "i") ||
                          ends_with(w, "ish"));
}

Range subject_before(const Tokens& tokens, std::size_t floor, std::size_t at) {
  const Words& w = words();
  const auto is_boundary = [&](std::size_t k) {
    const Token& t = tokens[k];
    return is_comma_like(t) || is_quote_mark(t) || is(t, "that") || is(t, "but") || is(t, "while") ||
           is(t, "where") || is(t, "when") || is(t, "after") || is(t, "before") || is(t, "because") ||
           is(t, "if") || w.reporting_cues.match(tokens, k, at) > 0 || t.lower == "." || t.lower == "?" ||
           t.lower == "!" || is_dash_token(t);
  };
  std::size_t end = at;
  // A quotation mark that opens right at the verb ('its fighters had "killed dozens"')
  // leaves the subject outside it.
  if (end > floor + 1 && is_quote_mark(tokens[end - 1]) && tokens[end - 2].word) --end;
  while (end > floor && (w.adverbs.contains(tokens[end - 1].lower) || w.hedges.contains(tokens[end - 1].lower) ||
                         is(tokens[end - 1], "have") || is(tokens[end - 1], "has") || is(tokens[end - 1], "had")))
    --end;
  std::size_t begin = end;
  while (begin > floor && !is_boundary(begin - 1)) --begin;
  Range r{begin, end};
  // Walk back over a comma into the name an appositive describes. Right before
  // the verb, "the regional governor said" is the subject itself; "an aide to
  // ... released" is still a description.
  bool walked = false;
  for (int hops = 0; hops < 3; ++hops) {
    const bool empty = r.empty();
    if (!empty && !is_description(tokens, r)) break;
    if (!empty && !walked && is(tokens[r.begin], "the")) break;
    // "The committee, which is aligned with ..., said": the relative clause describes the subject.
    const bool relative = !empty && (is(tokens[r.begin], "which") || is(tokens[r.begin], "who"));
    if (r.begin == floor || !is(tokens[r.begin - 1], ",")) break;
    const std::size_t prev_end = r.begin - 1;
    std::size_t prev_begin = prev_end;
    while (prev_begin > floor && !is_boundary(prev_begin - 1)) --prev_begin;
    const Range previous{prev_begin, prev_end};
    if (previous.empty()) break;
    if (previous.end - previous.begin == 1 && tokens[previous.begin].number) {
      // "John Smith, 34, was charged": step over the age.
      r = {previous.begin, previous.begin};
      continue;
    }
    const bool participial = ends_with(tokens[previous.begin].lower, "ing") && !tokens[previous.begin].capitalized;
    // "A spokesman for the Ambazonia Defence Forces, one of the main armed groups, denied":
    // a titled or named phrase without a verb is the subject the description follows.
    bool verbless = !participial;
    bool named_or_titled = false;
    for (std::size_t k = previous.begin; k < previous.end; ++k) {
      verbless = verbless && !is_verb_like(tokens[k]);
      named_or_titled = named_or_titled || tokens[k].capitalized || w.person_titles.contains(tokens[k].lower);
    }
    if (relative || (empty && !participial && (is_description(tokens, previous) || is_pure_name(tokens, previous))) ||
        is_pure_name(tokens, previous) || (!empty && walked && verbless && named_or_titled)) {
      r = previous;
      walked = true;
    } else {
      break;
    }
  }
  return r;
}

Range phrase_after(const Tokens& tokens, std::size_t at, std::size_t limit, std::size_t max_words) {
  std::size_t end = at;
  while (end < limit && end - at < max_words) {
    const Token& t = tokens[end];
    const bool abbreviation_stop = t.lower == "." && end > at && words().abbreviations.contains(tokens[end - 1].lower);
    if (is_punct(t) && !t.possessive && t.lower != "(" && t.lower != ")" && t.lower != "-" && !abbreviation_stop)
      break;
    if (t.capitalized && t.word) {
      ++end;  // "according to the WHO": a name, whatever its letters spell
      continue;
    }
    // "Association for Political Prisoners", "Committee to Protect Journalists".
    if ((is(t, "for") || is(t, "to") || is(t, "of") || is(t, "and")) && end > at && tokens[end - 1].capitalized &&
        end + 1 < limit && tokens[end + 1].capitalized) {
      ++end;
      continue;
    }
    if (is(t, "that") || is(t, "which") || is(t, "who") || is(t, "as") || is(t, "on") || is(t, "in") ||
        is(t, "at") || is(t, "to") || is(t, "for") || (is(t, "of") && end > at && !tokens[end - 1].capitalized))
      break;
    if (end > at && is_verb_like(t)) break;
    ++end;
  }
  return {at, end};
}

}  // namespace whosays::phrases
