#include "sources.h"

#include "noun_phrases.h"
#include "words.h"

namespace whosays {
namespace {

bool is_subordinator(const Token& token) {
  return is(token, "although") || is(token, "though") || is(token, "whereas") || is(token, "since") ||
         is(token, "once") || is(token, "unless") || is(token, "while") || is(token, "when") || is(token, "because");
}

// A day, month, year or day number, or "last"/"this" before one: "Monday,", "last March".
bool is_time_word(const Token& token) {
  return words().days.contains(token) || token.number || is(token, ",") ||
         is(token, "last") || is(token, "this");
}

// The source phrase proper: no punctuation, leading conjunctions, trailing
// adverbs or auxiliaries; "a statement from the Red Cross" is the Red Cross's
// word; "A teacher who survived": the relative clause only describes it.
Range source_phrase(const Tokens& tokens, Range range) {
  const Words& lists = words();
  while (!range.empty() && (is_punct(tokens[range.begin]) || is(tokens[range.begin], "and") ||
                            is(tokens[range.begin], "with") || is(tokens[range.begin], "but") ||
                            is(tokens[range.begin], "as")))
    ++range.begin;
  while (!range.empty() && (is_punct(tokens[range.end - 1]) || lists.adverbs.contains(tokens[range.end - 1]) ||
                            lists.auxiliaries.contains(tokens[range.end - 1]) ||
                            lists.hedges.contains(tokens[range.end - 1])))
    --range.end;
  // "Although no group", "Though the army": the conjunction opens the clause, not the name.
  while (!range.empty() && is_subordinator(tokens[range.begin])) ++range.begin;
  // "On September 3 he said": a leading time phrase dates the speech.
  if (!range.empty() && lists.prepositions.contains(tokens[range.begin])) {
    std::size_t j = range.begin + 1;
    while (j < range.end && is_time_word(tokens[j])) ++j;
    if (j > range.begin + 1) range.begin = j;
  }
  bool time_only = true;  // "On September", "Monday": a date is never a source
  for (std::size_t k = range.begin; k < range.end; ++k) time_only = time_only && is_time_word(tokens[k]);
  if (time_only) return {};
  if (lists.prepositions.contains(tokens[range.begin])) return {};
  std::size_t k = range.begin;
  if (k < range.end && (is(tokens[k], "a") || is(tokens[k], "an") || is(tokens[k], "the"))) ++k;
  while (k < range.end && !tokens[k].capitalized && !lists.document_nouns.contains(tokens[k]) && k < range.begin + 3)
    ++k;
  if (k + 1 < range.end && lists.document_nouns.contains(tokens[k])) {
    std::size_t by = k + 1;
    if (by + 1 < range.end && is_verb_like(tokens[by])) ++by;  // "a tally kept by", "figures compiled by"
    if (is(tokens[by], "from") || is(tokens[by], "by") || is(tokens[by], "of")) range.begin = by + 1;
  }
  for (std::size_t j = range.begin + 1; j < range.end; ++j) {
    if (is(tokens[j], "who") || is(tokens[j], "which")) {
      range.end = j;
      break;
    }
  }
  return range;
}

// "he" -> the last person named; "it", "they" -> the last institution (or,
// with none, the last person). A generic entry stays generic.
void resolve_pronoun(Source& source, std::string_view pronoun, const Registry& registry) {
  const Registry::Entry* entry = registry.referent(pronoun);
  source.kind = SourceKind::pronoun;
  if (!entry) return;
  source.text = entry->text;
  source.resolved = true;
  source.person = entry->person;
  source.kind = entry->generic ? SourceKind::generic : SourceKind::named;
  if (entry->generic) source.phrase = entry->text;
}

// Generic nouns ("officials", "local media"), a quantity alone ("Several
// told ..."), or a possessive pronoun with a generic noun ("its source").
// Returns false when the phrase names someone.
bool classify_generic(Source& source, const Tokens& tokens, Range range, const Registry& registry) {
  const Words& lists = words();
  bool has_generic = false;
  bool all_generic = true;
  std::string possessor;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    const Token& token = tokens[k];
    if (is_punct(token) || token.possessive) continue;
    if (lists.generic_sources.contains(token)) {
      has_generic = true;
    } else if (k == range.begin && is_pronoun(token)) {
      possessor = token.lower;
    } else if (!lists.generic_qualifiers.contains(token) || (token.capitalized && k != range.begin)) {
      all_generic = false;
    }
  }
  if (!all_generic || (!has_generic && !possessor.empty())) return false;
  if (has_generic && !possessor.empty()) {
    resolve_pronoun(source, possessor, registry);
    if (source.kind == SourceKind::named) return true;
  }
  source.kind = SourceKind::generic;
  return true;
}

}  // namespace

Source classify_source(std::string_view block_text, const Tokens& tokens, Range range, const Registry& registry) {
  Source source;
  range = source_phrase(tokens, range);
  if (range.empty()) return source;
  const Span span = span_of(tokens, range);
  source.phrase = std::string(block_text.substr(span.begin, span.size()));
  source.text = source.phrase;
  const std::size_t length = range.end - range.begin;
  if (length == 1 && is_pronoun(tokens[range.begin])) {  // "He", "they", "him"
    resolve_pronoun(source, tokens[range.begin].lower, registry);
    return source;
  }
  if (classify_generic(source, tokens, range, registry)) return source;
  // "the ministry", "the agency": the last source of that kind.
  if (length == 2 && is(tokens[range.begin], "the") && !tokens[range.begin + 1].capitalized) {
    if (const Registry::Entry* entry = registry.institution_named(tokens[range.begin + 1].lower)) {
      source.text = entry->text;
      source.resolved = text::fold(entry->text) != text::fold(source.phrase);
      source.person = entry->person;
    }
    source.kind = SourceKind::named;
    return source;
  }
  // "Hotak" after "Sharif Hotak".
  if (length == 1 && tokens[range.begin].capitalized) {
    if (const Registry::Entry* entry = registry.by_last_word(tokens[range.begin].lower)) {
      source.text = entry->text;
      source.person = entry->person;
      source.kind = SourceKind::named;
      return source;
    }
  }
  source.kind = SourceKind::named;
  source.person = looks_like_person(tokens, range);
  return source;
}

}  // namespace whosays
