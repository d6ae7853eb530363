#include "start_words.h"

#include "cold.h"
#ifdef WHOSAYS_TABLE_GENERATOR
#include "table_writer.h"
#endif

namespace whosays {

#ifdef WHOSAYS_PREBUILT_TABLES

// The native build: the three sets as constant data (generated/start_words.inc,
// written by scripts/generate_tables.cpp from the sets below): no work and no
// heap pages at a process's start.
namespace {
#include "start_words.inc"
}  // namespace

const StartWords& casualty_start_words() { return kCasualtyStarts; }
const StartWords& responsibility_start_words() { return kResponsibilityStarts; }
const StartWords& frame_start_words() { return kFrameStarts; }

#else

WHOSAYS_COLD StartWords::StartWords(std::initializer_list<lexicon::List> lists, std::string_view spellings) {
  const Vocabulary& vocabulary = whosays::vocabulary();
  const std::size_t ids = vocabulary.count;
  std::uint8_t* marks = new std::uint8_t[ids]();  // kept: the sets are function statics
  Vocabulary::Lists mask;
  for (lexicon::List list : lists) {
    mask.set(static_cast<std::size_t>(list));
    for (const Vocabulary::Phrase& phrase : vocabulary.longer(static_cast<std::size_t>(list))) {
      const std::size_t p = pair(phrase.first, vocabulary.phrase_ids[phrase.begin + 1]);
      pairs_[p / 64] |= std::uint64_t{1} << (p % 64);
    }
  }
  for (std::size_t id = 1; id < ids; ++id) {
    const Vocabulary::Entry& entry = vocabulary.entries[id];
    if (entry.single.intersects(mask)) marks[id] |= kWord;
    if (entry.starts.intersects(mask)) marks[id] |= kStarts;
  }
  for (const Token& token : text::tokenize(spellings, {0, spellings.size()})) {
    if (token.id != 0) {
      marks[token.id] |= kWord;
    } else if (unlisted_count_++ < kUnlisted) {
      unlisted_[unlisted_count_ - 1] = spellings.substr(token.span.begin, token.span.size());
    }
  }
  marks_ = marks;
}

// Each list or spelling is the first test of one of casualty_trigger's tests
// (casualty.cpp: a test added there adds its first test here).
const StartWords& casualty_start_words() {
  using lexicon::List;
  static const StartWords starts({List::equipment_loss, List::casualty_words, List::casualty_needs_count,
                                  List::treatment_verbs, List::impact_verbs, List::fatal_modifiers,
                                  List::patient_conditions, List::life_taking, List::care_verbs},
                                 "lost losing make made condition arrived walked");
  return starts;
}

// Each list or spelling is the first test of one rule of responsibility_trigger's
// kRules (responsibility.cpp: a rule added there adds its first test here).
const StartWords& responsibility_start_words() {
  using lexicon::List;
  static const StartWords starts({List::speech_act_blame, List::admissions, List::denials, List::legal_accusations,
                                  List::legal_verbs, List::attack_verbs, List::attack_with_against, List::attack_nouns,
                                  List::charges, List::linking_blame, List::suspect_nouns, List::crimes,
                                  List::innocence, List::legal_nouns},
                                 "responsibility behind involved responsible");
  return starts;
}

// The first test of each frame finder of find_frames (frames.cpp: a finder
// added there adds its first test here).
const StartWords& frame_start_words() {
  using lexicon::List;
  static const StartWords starts({List::hedges, List::toll_verbs, List::passive_cues, List::document_cues,
                                  List::speech_act_blame, List::reporting_cues},
                                 "reported according who whose");
  return starts;
}

#endif

#ifdef WHOSAYS_TABLE_GENERATOR
void StartWords::write(std::ostream& out, const char* name) const {
  const std::size_t ids = vocabulary().count;
  out << "constexpr std::uint8_t k" << name << "Marks[" << ids << "] = {";
  for (std::size_t id = 0; id < ids; ++id) out << (id % 32 ? "" : "\n    ") << static_cast<int>(marks_[id]) << ",";
  out << "\n};\n\nconstexpr StartWords k" << name << "Starts{k" << name << "Marks, {{";
  table_writer::hex_words(out, pairs_.data(), pairs_.size(), 4);
  out << "}},\n    {{";
  for (std::size_t i = 0; i < kUnlisted && i < unlisted_count_; ++i) {
    out << (i ? ", " : "") << "std::string_view(";
    table_writer::literal(out, unlisted_[i]);
    out << ", " << unlisted_[i].size() << ")";
  }
  out << "}}, " << unlisted_count_ << "};\n\n";
}
#endif

}  // namespace whosays
