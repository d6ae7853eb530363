#include "noun_phrases.h"

#include "words.h"

namespace whosays {

bool looks_like_person(const Tokens& tokens, Range range) {
  const Words& lists = words();
  std::size_t capitals = 0;
  bool org = false;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (lists.person_titles.contains(tokens[k])) return true;  // a title decides, whatever else the phrase holds
    org = org || lists.org_words.contains(tokens[k]);
    if (tokens[k].capitalized) ++capitals;
  }
  if (org) return false;
  if (range.end - range.begin == 1) {
    // "Saree" is a person; "Znak.com", "NDRRMC" and "FSB" are not.
    const std::string_view word = tokens[range.begin].lower;
    std::size_t upper = 0;
    for (std::size_t i = range.begin; i < range.end; ++i) upper += tokens[i].capitalized;
    const Span span = tokens[range.begin].span;
    return upper == 1 && word.find('.') == std::string::npos && span.size() > 1 && word.size() > 3 &&
           !(word == "it" || word == "they");
  }
  return capitals >= 2;
}

bool is_description(const Tokens& tokens, Range range) {
  if (range.empty()) return false;
  const Token& first = tokens[range.begin];
  if (is(first, "of") || is(first, "who") || is(first, "which")) return true;
  if (is(first, "one") && range.end > range.begin + 1 && is(tokens[range.begin + 1], "of")) return true;  // "one of the main armed groups"
  if (text::ends_with(first.lower, "ing") && !first.capitalized) return true;
  // "a UK-based monitoring group": an indefinite phrase set off by commas.
  if ((is(first, "a") || is(first, "an")) && range.end > range.begin + 1) return true;
  if (is(first, "the") && range.end > range.begin + 1) {
    // "the head of ...", "the city's home minister".
    bool title = false;
    bool relation = false;
    for (std::size_t k = range.begin; k < range.end; ++k) {
      title = title || words().person_titles.contains(tokens[k]);
      relation = relation || is(tokens[k], "of") || is(tokens[k], "to") || is(tokens[k], "for");
    }
    const Token& second = tokens[range.begin + 1];
    return (!second.capitalized && (title || relation)) || (title && !tokens[range.end - 1].capitalized);
  }
  // "spokesperson for the provincial governor".
  return !first.capitalized && first.word && words().person_titles.contains(first);
}

bool is_pure_name(const Tokens& tokens, Range range) {
  if (range.empty() || range.end - range.begin > 8 || !tokens[range.begin].capitalized) return false;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const Token& token = tokens[k];
    if (token.capitalized || token.possessive || is_punct(token)) continue;
    if (token.lower.size() <= 3 && range.end - range.begin > 2) continue;  // bin, al, de, van
    return false;
  }
  return true;
}

bool is_acronym(std::string_view block_text, const Token& token) {
  if (token.span.size() < 2) return false;
  for (std::size_t i = token.span.begin; i < token.span.end; ++i) {
    const char c = block_text[i];
    if (!((c >= 'A' && c <= 'Z') || c == '.')) return false;
  }
  return true;
}

bool is_demonym(const Token& token) {
  const std::string_view word = token.lower;
  return word.size() > 3 && (text::ends_with(word, "an") || text::ends_with(word, "ian") || text::ends_with(word, "ese") || text::ends_with(word, "i") ||
                          text::ends_with(word, "ish"));
}

namespace {

// A relative pronoun first in `range` with a subject of its own after it, before
// the verb ("who police say"): none of the words after it is a verb. In capitals
// no verb shows by its form: "WHICH ON 25 JANUARY CLAIMED" has a date, not a
// subject, so a preposition, number or day also rules it out.
bool relative_with_subject(const Tokens& tokens, Range range) {
  if (range.end - range.begin < 2 ||
      !(is(tokens[range.begin], "who") || is(tokens[range.begin], "whom") || is(tokens[range.begin], "which")))
    return false;
  const Words& lists = words();
  bool verb = false;
  for (std::size_t k = range.begin + 1; k < range.end; ++k) {
    verb = verb || is_verb_like(tokens[k]) || tokens[k].number || lists.prepositions.contains(tokens[k]) ||
           lists.days.contains(tokens[k]) || lists.auxiliaries.contains(tokens[k]);
  }
  return !verb;
}

}  // namespace

Range subject_before(const Tokens& tokens, std::size_t floor, std::size_t at) {
  const Words& lists = words();
  // "Reports said", "Media reports say": a report noun right before the verb
  // is its subject, not a second cue.
  const auto report_noun_subject = [&](std::size_t k) {
    return k + 1 == at && lists.report_nouns.contains(tokens[k]) && !is(tokens[k], "says");
  };
  const auto is_boundary = [&](std::size_t k) {
    const Token& token = tokens[k];
    // Punctuation and words are told apart first: no clause word or reporting cue is punctuation.
    if (!token.word)
      return is_comma_like(token) || is_quote_mark(token) || token.lower == "." || token.lower == "?" ||
             token.lower == "!" || is_dash_token(token);
    return is(token, "that") || is(token, "but") || is(token, "while") || is(token, "where") || is(token, "when") ||
           is(token, "after") || is(token, "before") || is(token, "because") || is(token, "if") ||
           (lists.reporting_cues.match(tokens, k, at) > 0 && !report_noun_subject(k));
  };
  std::size_t end = at;
  // A quotation mark that opens right at the verb ('its fighters had "killed dozens"')
  // leaves the subject outside it.
  if (end > floor + 1 && !tokens[end - 1].word && is_quote_mark(tokens[end - 1]) && tokens[end - 2].word) --end;
  while (end > floor && (lists.adverbs.contains(tokens[end - 1]) || lists.hedges.contains(tokens[end - 1]) ||
                         is(tokens[end - 1], "have") || is(tokens[end - 1], "has") || is(tokens[end - 1], "had")))
    --end;
  std::size_t begin = end;
  while (begin > floor && !is_boundary(begin - 1)) --begin;
  Range range{begin, end};
  // "the suspect, who police say shot ...": that subject speaks, not the suspect.
  if (relative_with_subject(tokens, range)) return {range.begin + 1, range.end};
  // Walk back over a comma into the name an appositive describes. Right before
  // the verb, "the regional governor said" is the subject itself; "an aide to
  // ... released" is still a description.
  bool walked = false;
  for (int hops = 0; hops < 3; ++hops) {
    const bool empty = range.empty();
    if (!empty && !is_description(tokens, range)) break;
    if (!empty && !walked && is(tokens[range.begin], "the")) break;
    // "The committee, which is aligned with ..., said": the relative clause describes the subject.
    const bool relative = !empty && (is(tokens[range.begin], "which") || is(tokens[range.begin], "who"));
    // A closing quotation mark may follow the comma: 'The "Red Hand," a
    // splinter group, said'.
    std::size_t comma = range.begin;
    if (comma > floor + 1 && is_quote_mark(tokens[comma - 1]) && is(tokens[comma - 2], ",")) --comma;
    if (comma == floor || !is(tokens[comma - 1], ",")) break;
    const std::size_t prev_end = comma - 1;
    std::size_t prev_begin = prev_end;
    while (prev_begin > floor && !is_boundary(prev_begin - 1)) --prev_begin;
    const Range previous{prev_begin, prev_end};
    // A name in quotation marks is a name whatever its letters show.
    const bool quoted_name = comma < range.begin && prev_begin > floor && is_quote_mark(tokens[prev_begin - 1]) &&
                             !empty && is_description(tokens, range);
    if (previous.empty()) break;
    if (previous.end - previous.begin == 1 && tokens[previous.begin].number) {
      // "John Smith, 34, was charged": step over the age.
      range = {previous.begin, previous.begin};
      continue;
    }
    const bool participial = text::ends_with(tokens[previous.begin].lower, "ing") && !tokens[previous.begin].capitalized;
    // "A spokesman for the Ambazonia Defence Forces, one of the main armed groups, denied":
    // a titled or named phrase without a verb is the subject the description follows.
    bool verbless = !participial;
    bool named_or_titled = false;
    for (std::size_t k = previous.begin; k < previous.end; ++k) {
      verbless = verbless && !is_verb_like(tokens[k]);
      named_or_titled = named_or_titled || tokens[k].capitalized || lists.person_titles.contains(tokens[k]);
    }
    // "The militant group, the Islamic State, claimed": the appositive right
    // before the verb is a definite name, the subject's own name.
    const bool definite_name = is(tokens[previous.begin], "the") && previous.end - previous.begin >= 2 &&
                               is_pure_name(tokens, {previous.begin + 1, previous.end});
    if (relative || quoted_name ||
        (empty && !participial && (is_description(tokens, previous) || is_pure_name(tokens, previous) || definite_name)) ||
        is_pure_name(tokens, previous) || (!empty && walked && verbless && named_or_titled)) {
      range = previous;
      walked = true;
    } else {
      break;
    }
  }
  return range;
}

Range phrase_after(const Tokens& tokens, std::size_t at, std::size_t limit, std::size_t max_words) {
  std::size_t end = at;
  while (end < limit && end - at < max_words) {
    const Token& token = tokens[end];
    if (is_punct(token)) {  // no word test below holds for punctuation
      const bool abbreviation_stop = token.lower == "." && end > at && words().abbreviations.contains(tokens[end - 1]);
      if (!token.possessive && token.lower != "(" && token.lower != ")" && token.lower != "-" && !abbreviation_stop) break;
      ++end;
      continue;
    }
    if (token.capitalized) {
      ++end;  // "according to the WHO": a name, whatever its letters spell
      continue;
    }
    // "Association for Political Prisoners", "Committee to Protect Journalists".
    if ((is(token, "for") || is(token, "to") || is(token, "of") || is(token, "and")) && end > at && tokens[end - 1].capitalized &&
        end + 1 < limit && tokens[end + 1].capitalized) {
      ++end;
      continue;
    }
    if (is(token, "that") || is(token, "which") || is(token, "who") || is(token, "as") || is(token, "on") || is(token, "in") ||
        is(token, "at") || is(token, "to") || is(token, "for") || (is(token, "of") && end > at && !tokens[end - 1].capitalized))
      break;
    if (end > at && is_verb_like(token)) break;
    // "a report citing the mayor's office": the participle starts what the report does.
    if (end > at && (words().participial_cues.contains(token) || is(token, "quoting"))) break;
    ++end;
  }
  return {at, end};
}

}  // namespace whosays
