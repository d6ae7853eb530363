// Phrase tables built once from the word lists, matched against tokens.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon.h"
#include "text.h"

namespace whosays {

// A set of one- or multi-word phrases, matched case-insensitively at a token.
class PhraseSet {
 public:
  explicit PhraseSet(lexicon::List list);
  // The number of tokens of the longest phrase that starts at tokens[at]
  // (and ends before `end`), or 0.
  std::size_t match(const std::vector<text::Token>& tokens, std::size_t at, std::size_t end) const;
  bool contains(std::string_view word) const;  // a one-word phrase

 private:
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_;
};

// Every table the analyzer uses, built on first use and immutable after.
struct Words {
  PhraseSet reporting_cues{lexicon::List::reporting_cues};
  PhraseSet participial_cues{lexicon::List::participial_cues};
  PhraseSet passive_cues{lexicon::List::passive_cues};
  PhraseSet hedges{lexicon::List::hedges};
  PhraseSet generic_sources{lexicon::List::generic_sources};
  PhraseSet generic_qualifiers{lexicon::List::generic_qualifiers};
  PhraseSet institutions{lexicon::List::institutions};
  PhraseSet casualty_words{lexicon::List::casualty_words};
  PhraseSet casualty_needs_count{lexicon::List::casualty_needs_count};
  PhraseSet people_words{lexicon::List::people_words};
  PhraseSet equipment{lexicon::List::equipment};
  PhraseSet equipment_loss{lexicon::List::equipment_loss};
  PhraseSet attack_nouns{lexicon::List::attack_nouns};
  PhraseSet attack_verbs{lexicon::List::attack_verbs};
  PhraseSet attack_with_against{lexicon::List::attack_with_against};
  PhraseSet speech_act_blame{lexicon::List::speech_act_blame};
  PhraseSet toll_verbs{lexicon::List::toll_verbs};
  PhraseSet identified_agents{lexicon::List::identified_agents};
  PhraseSet unidentified_agents{lexicon::List::unidentified_agents};
  PhraseSet suspect_nouns{lexicon::List::suspect_nouns};
  PhraseSet linking_blame{lexicon::List::linking_blame};
  PhraseSet agent_markers{lexicon::List::agent_markers};
  PhraseSet animals{lexicon::List::animals};
  PhraseSet hypothetical{lexicon::List::hypothetical};
  PhraseSet person_titles{lexicon::List::person_titles};
  PhraseSet org_words{lexicon::List::org_words};
  PhraseSet auxiliaries{lexicon::List::auxiliaries};
  PhraseSet irregular_verbs{lexicon::List::irregular_verbs};
  PhraseSet number_words{lexicon::List::number_words};
  PhraseSet adverbs{lexicon::List::adverbs};
  PhraseSet days{lexicon::List::days};
  PhraseSet infinitive_realis{lexicon::List::infinitive_realis};
  PhraseSet prepositions{lexicon::List::prepositions};
  PhraseSet charges{lexicon::List::charges};
  PhraseSet crimes{lexicon::List::crimes};
  PhraseSet document_nouns{lexicon::List::document_nouns};
  PhraseSet document_cues{lexicon::List::document_cues};
  PhraseSet abbreviations{lexicon::List::abbreviations};
  PhraseSet natural_death{lexicon::List::natural_death};
  PhraseSet weapons{lexicon::List::weapons};
  PhraseSet anonymity{lexicon::List::anonymity};
  PhraseSet object_attack_verbs{lexicon::List::object_attack_verbs};
  PhraseSet published_participles{lexicon::List::published_participles};
  PhraseSet denials{lexicon::List::denials};
  PhraseSet involvement{lexicon::List::involvement};
  PhraseSet not_casualty{lexicon::List::not_casualty};
  PhraseSet determiners{lexicon::List::determiners};
  PhraseSet forecasts{lexicon::List::forecasts};
  PhraseSet toll_nouns{lexicon::List::toll_nouns};
  PhraseSet report_nouns{lexicon::List::report_nouns};
  PhraseSet report_noun_modifiers{lexicon::List::report_noun_modifiers};
  PhraseSet blame_verbs{lexicon::List::blame_verbs};
  PhraseSet condemnations{lexicon::List::condemnations};
  PhraseSet attribution_verbs{lexicon::List::attribution_verbs};
  PhraseSet treatment_verbs{lexicon::List::treatment_verbs};
  PhraseSet treatment_objects{lexicon::List::treatment_objects};
  PhraseSet patient_conditions{lexicon::List::patient_conditions};
  PhraseSet life_taking{lexicon::List::life_taking};
  PhraseSet fatal_modifiers{lexicon::List::fatal_modifiers};
  PhraseSet accident_nouns{lexicon::List::accident_nouns};
  PhraseSet failed_attempts{lexicon::List::failed_attempts};
  PhraseSet casualty_idioms{lexicon::List::casualty_idioms};
  PhraseSet routine_care{lexicon::List::routine_care};
  PhraseSet care_verbs{lexicon::List::care_verbs};
  PhraseSet body_parts{lexicon::List::body_parts};
  PhraseSet relations{lexicon::List::relations};
  PhraseSet impact_verbs{lexicon::List::impact_verbs};
};

const Words& words();

}  // namespace whosays
