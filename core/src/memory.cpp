#include "memory.h"

#include <algorithm>

#include "knowledge/start_gate.h"
#include "noun_phrases.h"
#include "sources.h"
#include "words.h"

namespace whosays {

namespace {

bool named_later(const Registry& registry, const Registry::Entry& entry) {
  return entry.block == registry.block && entry.sentence > registry.sentence;
}

// Named in a sentence read before the one being judged (not in it).
bool named_before(const Registry& registry, const Registry::Entry& entry) {
  return entry.block < registry.block || (entry.block == registry.block && entry.sentence < registry.sentence);
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The folded last word of text ("hotak" in "Sharif Hotak"; a possessive "'s" is
// no word here), or "" if it has none. No token holds ASCII white space, so the
// text is tokenized one stretch between two such bytes at a time, from its end,
// into a list kept from source to source.
std::string last_word(std::string_view text, text::Tokens& tokens) {
  std::size_t end = text.size();
  while (end > 0) {
    // After the last ASCII white space before end: a byte loop (find_last_of calls memchr per byte).
    std::size_t begin = end;
    while (begin > 0 && text[begin - 1] != ' ' && (text[begin - 1] < '\t' || text[begin - 1] > '\r')) --begin;
    // ASCII letters and digits only (most names end so): the tokenizer's one
    // token, the stretch in lower case; no tokenizing, no look-up of its id.
    const std::string_view stretch = text.substr(begin, end - begin);
    if (!stretch.empty() && std::all_of(stretch.begin(), stretch.end(), is_ascii_alnum)) return text::fold(stretch);
    text::tokenize(text, {begin, end}, tokens);
    for (std::size_t k = tokens.size(); k-- > 0;) {
      if (tokens[k].word && !tokens[k].possessive) return std::string(tokens[k].lower);
    }
    end = begin == 0 ? 0 : begin - 1;
  }
  return {};
}

}  // namespace

void Registry::add(Entry entry, std::vector<Entry>& to) {
  entry.block = block;
  entry.sentence = sentence;
  // Only recent names are referred back to; keep look-ups bounded.
  constexpr std::size_t kKeep = 64;
#ifndef __EMSCRIPTEN__
  // The room for them all at once: no regrowth, no entry moved but by the
  // erase. Native only: reserve's own code is +127 B gzip in the wasm engine.
  if (to.capacity() == 0) to.reserve(2 * kKeep + 1);
#endif
  to.push_back(std::move(entry));
  if (to.size() > 2 * kKeep) to.erase(to.begin(), to.end() - kKeep);
}

const Registry::Entry* Registry::last(bool person, bool parties) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->person == person && (parties || !it->party) && !named_later(*this, *it)) return &*it;
  }
  return nullptr;
}

const Registry::Entry* Registry::institution_named(std::string_view folded_head) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (!it->person && !it->party && it->last_word == folded_head && !named_later(*this, *it)) return &*it;
  }
  return nullptr;
}

const Registry::Entry* Registry::by_last_word(std::string_view folded_word) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (!it->party && it->last_word == folded_word && !named_later(*this, *it)) return &*it;
  }
  return nullptr;
}

const Registry::Entry* Registry::referent(std::string_view folded_pronoun) const {
  const bool person = is_person_pronoun(folded_pronoun);
  // "we", "our": the speaker's own side, not a party the writer named.
  const bool first_person = folded_pronoun == "we" || folded_pronoun == "us" || folded_pronoun == "our";
  const Entry* entry = last(person, !first_person);
  if (entry || person) return entry;
  // "asking the FMLN to stop ... Last night they blew up a pole": with no
  // party named as a subject, the armed group named in the sentences just
  // before (this paragraph or the one before it), not one further back.
  for (auto it = groups.rbegin(); it != groups.rend() && !first_person; ++it) {
    if (named_before(*this, *it) && it->block + 1 >= block) return &*it;
    if (it->block + 1 < block) break;
  }
  return last(true);
}

const Registry::Entry* Registry::party_described(std::string_view description) const {
  const Words& lists = words();
  const Tokens tokens = text::tokenize(description, {0, description.size()});
  // "the rebels", "the two rebels", "later the rebels".
  const std::size_t the = !tokens.empty() && is(tokens.front(), "the") ? 0 : 1;
  if (tokens.size() < the + 2 || tokens.size() > the + 3 || !is(tokens[the], "the")) return nullptr;
  const Token& head = tokens.back();
  // "the Lopez cartel": a capital in mixed case makes it a name of its own.
  const bool lower_case = std::any_of(description.begin(), description.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  for (std::size_t k = the + 1; k < tokens.size() && lower_case; ++k) {
    if (tokens[k].capitalized) return nullptr;
  }
  if (!lists.member_nouns.contains(head) && !lists.identified_agents.contains(head) && !lists.group_nouns.contains(head))
    return nullptr;
  const std::vector<std::string_view> written = knowledge::split_words(description);
  for (std::size_t k = 0; k < written.size(); ++k) {
    if (knowledge::party_at(written, k)) return nullptr;  // "the Taliban fighters" names its party
  }
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->party && it->last_word == head.lower && named_before(*this, *it)) return &*it;
  }
  if (!lists.group_nouns.contains(head)) return nullptr;
  for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
    if (!named_later(*this, *it)) return &*it;
  }
  return nullptr;
}

void remember_groups(Memory& memory, const BlockContext& context, Range sentence) {
  // Most sentences have no capitalised word that can start an armed group's
  // name: then no match below is one, whatever the others match.
  const knowledge::StartGates& gates = knowledge::start_gates();
  const auto may_start_group = [&](std::size_t k) {
    if (!context.tokens[k].capitalized) return false;
    const std::string_view next = k + 1 < context.tokens.size() ? context.written(k + 1) : std::string_view();
    return knowledge::may_start_armed_group(gates, context.written(k), next);
  };
  std::size_t first = sentence.begin;
  while (first < sentence.end && !may_start_group(first)) ++first;
  if (first == sentence.end) return;
  for (std::size_t k = sentence.begin; k < sentence.end; ++k) {
    if (!context.tokens[k].capitalized) continue;  // a group's name is (in capitals, only names keep them)
    const auto match = party_at(context, k);
    if (!match) continue;
    if (match->kind == knowledge::PartyKind::ArmedGroup) {
      Registry::Entry entry;
      const Span span = span_of(context.tokens, {k, k + match->tokens});
      entry.text = std::string(context.text.substr(span.begin, span.size()));
      entry.party = true;
      memory.registry.add(std::move(entry), memory.registry.groups);
    }
    k += match->tokens - 1;
  }
}

void remember_source(Memory& memory, const Source& source) {
  if (source.resolved || (source.kind != SourceKind::named && source.kind != SourceKind::generic)) return;
  Registry::Entry entry;
  entry.text = source.text;
  entry.generic = source.kind == SourceKind::generic;
  entry.last_word = last_word(source.text, memory.tokens);
  entry.person = source.person;
  if (entry.generic) {
    // "a teacher", "an eyewitness" are one person; "officials" are "they".
    const std::string folded = text::fold(source.text);
    entry.person = folded.rfind("a ", 0) == 0 || folded.rfind("an ", 0) == 0 || folded.rfind("one ", 0) == 0;
  }
  memory.registry.add(std::move(entry), memory.registry.entries);
}

void remember_party(Memory& memory, const BlockContext& context, Range sentence) {
  const Tokens& tokens = context.tokens;
  const Words& lists = words();
  Range name = phrase_after(tokens, sentence.begin, sentence.end, 8);
  while (name.end > name.begin + 1 && lists.days.contains(tokens[name.end - 1])) --name.end;
  std::size_t end = name.end;  // "THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] ATTACKED": a gloss
  if (end < sentence.end && is(tokens[end], "[")) {
    while (end < sentence.end && !is(tokens[end], "]")) ++end;
    if (end < sentence.end) ++end;
  }
  // "In Lima, ...", "On Monday the army ...": a setting, not a subject; "a
  // soldier", "no soldiers", "the army and the rebels" are no one party.
  if (name.empty() || end >= sentence.end || !is_verb_like(tokens[end]) ||
      lists.prepositions.contains(tokens[name.begin]) || (is_determiner(tokens[name.begin]) && !is(tokens[name.begin], "the")) ||
      tokens[name.begin].number || lists.number_words.contains(tokens[name.begin]))
    return;
  const Token& head = tokens[name.end - 1];
  bool party = false;
  for (std::size_t k = name.begin; k < name.end; ++k) {
    // "the army and the rebels", "Police say the cartel": no one party;
    // "Talks with the Tamil Tigers failed": the party is not the subject.
    if (is(tokens[k], "and") || is_pronoun(tokens[k]) || lists.reporting_cues.contains(tokens[k]) ||
        (lists.prepositions.contains(tokens[k]) && !is(tokens[k], "of")))
      return;
    const auto match = party_at(context, k);
    if (!match || match->kind == knowledge::PartyKind::NewsAgency ||
        match->kind == knowledge::PartyKind::CapitalsStop || match->kind == knowledge::PartyKind::NotParty)
      continue;
    // The party is the head, or its people are: "the FMLN", "the Salvadoran
    // army", "FMLN rebels"; not "the army spokesman", "Red Cross workers".
    k += match->tokens - 1;
    party = party || k + 1 >= name.end || lists.member_nouns.contains(head) || lists.identified_agents.contains(head);
  }
  if (!party) return;
  Registry::Entry entry;
  entry.text = context.text_of({name.begin, end});
  entry.last_word = head.lower;
  entry.party = true;
  memory.registry.add(std::move(entry), memory.registry.entries);
}

void remember_subject(Memory& memory, const BlockContext& context, Range sentence) {
  const Tokens& tokens = context.tokens;
  std::size_t end = sentence.begin;
  while (end < sentence.end && tokens[end].capitalized && end - sentence.begin < 4) ++end;
  const Range name{sentence.begin, end};
  if (end - sentence.begin < 2 || is_determiner(tokens[sentence.begin]) || !is_pure_name(tokens, name) ||
      !looks_like_person(tokens, name))
    return;
  if (end < sentence.end && (tokens[end].possessive || words().reporting_cues.contains(tokens[end]))) return;
  // "On September 3 he said", "In Kabul, ...": a sentence that opens with a
  // preposition or a date opens with a setting, not a person.
  if (words().prepositions.contains(tokens[sentence.begin])) return;
  for (std::size_t k = name.begin; k < name.end; ++k) {
    if (words().days.contains(tokens[k])) return;
  }
  Source subject;
  subject.kind = SourceKind::named;
  subject.text = context.text_of(name);
  subject.phrase = subject.text;
  subject.person = true;
  remember_source(memory, subject);
}

bool continues_statement(const Memory& memory, const BlockContext& context) {
  if (!memory.statement_speaker || context.kind != BlockKind::paragraph || context.tokens.empty()) return false;
  const Tokens& tokens = context.tokens;
  const bool numbered = tokens.size() > 1 && tokens[0].number && is(tokens[1], ".");
  return context.block == memory.statement_block + 1 || numbered;
}

void remember_block_end(Memory& memory, const BlockContext& context, const std::vector<Frame>& last_frames) {
  if (!continues_statement(memory, context)) memory.statement_speaker.reset();
  memory.last_block_speaker.reset();
  memory.last_block_cue.clear();
  memory.last_block_hedged = false;
  if (!last_frames.empty()) {
    const Frame& frame = last_frames.back();
    if (frame.kind == FrameKind::cue && frame.source.kind != SourceKind::none) {
      memory.last_block_speaker = frame.source;
      memory.last_block_cue = frame.cue;
      memory.last_block_hedged = frame.hedged;
    }
  }
  const Span tail = text::trim(context.text, {0, context.text.size()});
  const bool introduces = !tail.empty() && (context.text[tail.end - 1] == ',' || context.text[tail.end - 1] == ':');
  // "MP Gavin Barwell said his friend was on the tram." then a paragraph that
  // opens with a quotation and names no speaker: the person who just spoke
  // goes on speaking. Only a named person, only a speech cue.
  const bool person_spoke = memory.last_block_speaker && memory.last_block_speaker->kind == SourceKind::named &&
                            memory.last_block_speaker->person && !memory.last_block_hedged;
  if (!introduces && !person_spoke) memory.last_block_speaker.reset();
  if (introduces && context.text[tail.end - 1] == ':' && memory.last_block_speaker &&
      memory.last_block_speaker->kind == SourceKind::named && !memory.last_block_hedged) {
    memory.statement_speaker = memory.last_block_speaker;
    memory.statement_block = context.block;
    memory.statement_cue = memory.last_block_cue;
  }
}

}  // namespace whosays
