// The article JSON's common case, read straight into a Document: nlohmann's
// DOM (a map per block, a copy of every string, then another into the Block)
// cost more than the analysis in a one-article process (docs/performance.md).
#include "article_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "json_text.h"

namespace whosays {
namespace {

constexpr std::string_view kKinds[] = {"title", "dateline", "caption", "heading", "paragraph", "quote", "list-item"};

class Reader {
 public:
  explicit Reader(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

  bool article(Document& document) {
    space();
    bool blocks = false;
    if (!consume('{') || !members([&] { return key() == "blocks" ? (blocks = true, read_blocks(document)) : skip(); })) {
      return false;
    }
    space();
    return blocks && at_ == end_;
  }

 private:
  bool consume(char c) {
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }
  void space() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }
  // The key just read, as a view: compared with a literal, its length first
  // (std::string == const char* calls strlen and compare).
  std::string_view key() const { return key_; }
  bool deeper() { return ++depth_ <= kMaxJsonDepth; }
  bool close(char bracket) { return consume(bracket) && (--depth_, true); }

  // The members of an object whose '{' has been read: each key into key_,
  // then member() reads its value.
  template <typename Member>
  bool members(Member member) {
    if (!deeper()) return false;
    space();
    if (close('}')) return true;
    do {
      space();
      if (!consume('"') || !string(key_)) return false;
      space();
      if (!consume(':')) return false;
      space();
      if (!member()) return false;
      space();
    } while (consume(','));
    return close('}');
  }

  // The elements of an array whose '[' has been read.
  template <typename Element>
  bool elements(Element element) {
    if (!deeper()) return false;
    space();
    if (close(']')) return true;
    do {
      space();
      if (!element()) return false;
      space();
    } while (consume(','));
    return close(']');
  }

  bool read_blocks(Document& document) {
    document.blocks.clear();  // a later "blocks" replaces an earlier one
    return consume('[') && elements([&] {
             Block& block = document.blocks.emplace_back();
             bool text = false;
             return consume('{') && members([&] { return field(block, text); }) && text;
           });
  }

  bool field(Block& block, bool& text) {
    if (key() == "text") return text = true, consume('"') && string(block.text);
    if (key() != "kind") return skip();
    if (!consume('"') || !string(scratch_)) return false;
    const auto* known = std::find(std::begin(kKinds), std::end(kKinds), std::string_view(scratch_));
    block.kind = static_cast<BlockKind>(known - std::begin(kKinds));
    return known != std::end(kKinds);
  }

  // The rest of a string whose '"' has been read, escapes decoded, into out:
  // a string without escapes (most) is assigned at once, else run by run.
  bool string(std::string& out) {
    const char* run = at_;
    skip_plain();
    if (at_ != end_ && *at_ == '"') {
      out.assign(run, static_cast<std::size_t>(at_++ - run));
      return true;
    }
    out.clear();
    while (true) {
      out.append(run, static_cast<std::size_t>(at_ - run));
      if (at_ == end_ || static_cast<unsigned char>(*at_) < 0x20) return false;
      if (*at_++ == '"') return true;
      if (at_ == end_) return false;
      switch (*at_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u':
          if (!unicode(out)) return false;
          break;
        default: return false;
      }
      run = at_;
      skip_plain();
    }
  }

  // To the first byte of a string that needs decoding or ends it ('"', '\\'
  // or a control character) or to the end (json_text.h).
  void skip_plain() {
    const auto* bytes = reinterpret_cast<const unsigned char*>(at_);
    at_ += json_text::plain_end(bytes, reinterpret_cast<const unsigned char*>(end_), false) - bytes;
  }

  // The four hex digits of a \u escape, as UTF-8; surrogates are left to nlohmann.
  bool unicode(std::string& out) {
    std::uint32_t code = 0;
    for (int k = 0; k < 4; ++k, ++at_) {
      if (at_ == end_) return false;
      const char c = *at_;
      const int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (digit < 0) return false;
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    if (code >= 0xD800 && code <= 0xDFFF) return false;
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return true;
  }

  // Any value, read and dropped.
  bool skip() {
    if (at_ == end_) return false;
    switch (*at_++) {
      case '"': return string(scratch_);
      case '{': return members([&] { return skip(); });
      case '[': return elements([&] { return skip(); });
      case 't': return word("rue");
      case 'f': return word("alse");
      case 'n': return word("ull");
      default: return --at_, number();
    }
  }

  bool word(std::string_view rest) {
    if (static_cast<std::size_t>(end_ - at_) < rest.size() || std::string_view(at_, rest.size()) != rest) return false;
    at_ += rest.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)? and under 300 characters, which no double
  // overflows; an exponent could, and nlohmann refuses an overflow.
  bool number() {
    const char* start = at_;
    consume('-');
    if (!consume('0') && !digits()) return false;
    if (consume('.') && !digits()) return false;
    return at_ - start < 300 && (at_ == end_ || (*at_ != 'e' && *at_ != 'E'));
  }
  bool digits() {
    const char* start = at_;
    while (at_ != end_ && *at_ >= '0' && *at_ <= '9') ++at_;
    return at_ != start;
  }

  const char* at_;
  const char* end_;
  int depth_ = 0;
  std::string key_, scratch_;
};

}  // namespace

bool read_article(std::string_view text, Document& document) { return Reader(text).article(document); }

}  // namespace whosays
