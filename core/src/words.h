// Phrase tables built once from the word lists, matched against tokens.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text.h"

namespace whosays {

// A set of one- or multi-word phrases, matched case-insensitively at a token.
class PhraseSet {
 public:
  explicit PhraseSet(std::string_view list_name);
  // The number of tokens of the longest phrase that starts at tokens[at]
  // (and ends before `end`), or 0.
  std::size_t match(const std::vector<text::Token>& tokens, std::size_t at, std::size_t end) const;
  bool contains(std::string_view word) const;  // a one-word phrase

 private:
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_;
};

// Every table the analyzer uses, built on first use and immutable after.
struct Words {
  PhraseSet reporting_cues{"reporting_cues"};
  PhraseSet participial_cues{"participial_cues"};
  PhraseSet passive_cues{"passive_cues"};
  PhraseSet hedges{"hedges"};
  PhraseSet generic_sources{"generic_sources"};
  PhraseSet generic_qualifiers{"generic_qualifiers"};
  PhraseSet institutions{"institutions"};
  PhraseSet casualty_words{"casualty_words"};
  PhraseSet casualty_needs_count{"casualty_needs_count"};
  PhraseSet people_words{"people_words"};
  PhraseSet equipment{"equipment"};
  PhraseSet equipment_loss{"equipment_loss"};
  PhraseSet attack_nouns{"attack_nouns"};
  PhraseSet attack_verbs{"attack_verbs"};
  PhraseSet attack_with_against{"attack_with_against"};
  PhraseSet speech_act_blame{"speech_act_blame"};
  PhraseSet toll_verbs{"toll_verbs"};
  PhraseSet identified_agents{"identified_agents"};
  PhraseSet unidentified_agents{"unidentified_agents"};
  PhraseSet suspect_nouns{"suspect_nouns"};
  PhraseSet linking_blame{"linking_blame"};
  PhraseSet agent_markers{"agent_markers"};
  PhraseSet animals{"animals"};
  PhraseSet hypothetical{"hypothetical"};
  PhraseSet pronouns{"pronouns"};
  PhraseSet person_titles{"person_titles"};
  PhraseSet org_words{"org_words"};
  PhraseSet auxiliaries{"auxiliaries"};
  PhraseSet irregular_verbs{"irregular_verbs"};
  PhraseSet number_words{"number_words"};
  PhraseSet adverbs{"adverbs"};
  PhraseSet days{"days"};
  PhraseSet infinitive_realis{"infinitive_realis"};
  PhraseSet prepositions{"prepositions"};
  PhraseSet charges{"charges"};
  PhraseSet crimes{"crimes"};
  PhraseSet document_nouns{"document_nouns"};
  PhraseSet document_cues{"document_cues"};
  PhraseSet abbreviations{"abbreviations"};
  PhraseSet natural_death{"natural_death"};
  PhraseSet weapons{"weapons"};
  PhraseSet anonymity{"anonymity"};
  PhraseSet object_attack_verbs{"object_attack_verbs"};
  PhraseSet published_participles{"published_participles"};
  PhraseSet denials{"denials"};
  PhraseSet involvement{"involvement"};
  PhraseSet not_casualty{"not_casualty"};
};

const Words& words();

}  // namespace whosays
