// The document model: the corpus article JSON, plain text, and UTF-8 checks.
#include "whosays/document.h"

#include <nlohmann/json.hpp>

#include "article_reader.h"
#include "json_text.h"
#include "text.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

namespace whosays {
namespace {

using nlohmann::json;

// The article JSON may be larger than its text (metadata, escapes such as
// \u00e9 for two bytes of text), but not without bound.
constexpr std::size_t kMaxJsonBytes = 4 * kMaxArticleBytes;

constexpr std::array<std::string_view, 7> kBlockKindNames = {
    "title", "dateline", "caption", "heading", "paragraph", "quote", "list-item"};

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

struct Utf8Fault {
  std::size_t byte;
  const char* reason;
};

// The first ill-formed sequence in text, by the Unicode standard's table of
// well-formed byte sequences (Table 3-7): no overlongs, no surrogates, nothing
// above U+10FFFF, no truncated sequence.
std::optional<Utf8Fault> find_utf8_fault(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      // Most text is ASCII: the rest of a run sixteen bytes at a time.
      i = static_cast<std::size_t>(json_text::ascii_end(bytes + i + 1, bytes + size) - bytes);
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
      if (lead == 0xED) high = 0x9F;  // surrogates U+D800..U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong below U+10000
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else if (lead >= 0x80 && lead <= 0xBF) {
      return Utf8Fault{i, "unexpected continuation byte"};
    } else if (lead == 0xC0 || lead == 0xC1) {
      return Utf8Fault{i, "overlong encoding"};
    } else {
      return Utf8Fault{i, "byte never valid in UTF-8 (above U+10FFFF)"};
    }
    if (i + 1 >= size) return Utf8Fault{i, "truncated sequence"};
    const unsigned char second = bytes[i + 1];
    if (second < 0x80 || second > 0xBF) return Utf8Fault{i, "truncated sequence"};
    if (second < low) return Utf8Fault{i, "overlong encoding"};
    if (second > high) {
      return Utf8Fault{i, lead == 0xED ? "encoded surrogate" : "code point above U+10FFFF"};
    }
    for (std::size_t k = 2; k < length; ++k) {
      if (i + k >= size || (bytes[i + k] & 0xC0) != 0x80) return Utf8Fault{i, "truncated sequence"};
    }
    i += length;
  }
  return std::nullopt;
}

std::string utf8_message(std::string_view where, const Utf8Fault& fault) {
  return "invalid UTF-8 in " + std::string(where) + " at byte " + std::to_string(fault.byte) + ": " +
         fault.reason;
}

// ---------------------------------------------------------------------------
// Limits shared by both parsers
// ---------------------------------------------------------------------------

void check_limits(const Document& document) {
  if (document.blocks.size() > kMaxBlocks) {
    throw Error("article has " + std::to_string(document.blocks.size()) + " blocks; the limit is " +
                std::to_string(kMaxBlocks));
  }
  std::size_t bytes = 0;
  for (const Block& block : document.blocks) bytes += block.text.size();
  if (bytes > kMaxArticleBytes) {
    throw Error("article text is " + std::to_string(bytes) + " bytes; the limit is " +
                std::to_string(kMaxArticleBytes));
  }
}

// ---------------------------------------------------------------------------
// Article JSON
// ---------------------------------------------------------------------------

// Turns nlohmann's "[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error while parsing value - ..." into "malformed JSON at
// line 1, column 5 (byte 5): syntax error while parsing value - ...".
std::string json_message(const json::parse_error& error) {
  std::string what = error.what();
  std::string position;
  const std::size_t at = what.find(" at line ");
  std::size_t reason_begin = what.find(": ", at == std::string::npos ? 0 : at);
  if (at != std::string::npos && reason_begin != std::string::npos) {
    position = what.substr(at + 4, reason_begin - at - 4) + " (byte " + std::to_string(error.byte) + ")";
  } else {
    position = "byte " + std::to_string(error.byte);
  }
  std::string reason = reason_begin == std::string::npos ? what : what.substr(reason_begin + 2);
  // The parser quotes the token it last read, which for an unterminated
  // string is the rest of the input: keep the message to one readable line.
  constexpr std::size_t kMaxReason = 200;
  if (reason.size() > kMaxReason) {
    std::size_t cut = kMaxReason;
    while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) --cut;
    reason = reason.substr(0, cut) + "...";
  }
  return "malformed JSON at " + position + ": " + reason;
}

// Refuses JSON nested deeper than kMaxJsonDepth in one linear pass, before
// nlohmann's recursive parser sees it. (A parser callback would do the same
// but makes nlohmann 3.11 rescan each array after every element: quadratic.)
bool within_depth(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

json parse_json(std::string_view text) {
  if (!within_depth(text)) throw Error("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& error) {
    throw Error(json_message(error));
  }
}

// Names the block holding the first invalid UTF-8 byte of an article, by
// parsing a copy in which that byte is a marker (U+FFFF, a noncharacter) and
// every later fault is '?'. Returns nullopt where the byte lies outside any
// block's text, or the copy does not parse. Runs on the error path only.
std::optional<std::string> locate_utf8_fault(std::string_view text, const Utf8Fault& first) {
  static constexpr std::string_view kMarker = "\xEF\xBF\xBF";
  if (text.find(kMarker) != std::string_view::npos) return std::nullopt;
  std::string copy;
  copy.reserve(text.size() + kMarker.size());
  copy.append(text.substr(0, first.byte));
  copy.append(kMarker);
  std::string_view rest = text.substr(first.byte + 1);
  while (true) {
    std::optional<Utf8Fault> fault = find_utf8_fault(rest);
    if (!fault) break;
    copy.append(rest.substr(0, fault->byte));
    copy.push_back('?');
    rest = rest.substr(fault->byte + 1);
  }
  copy.append(rest);
  try {
    if (!within_depth(copy)) return std::nullopt;
    // Through the same iterator type as parse_json, so that the engine holds
    // one instantiation of nlohmann's lexer and parser, not two.
    const std::string_view view = copy;
    json root = json::parse(view.begin(), view.end(), nullptr, /*allow_exceptions=*/false);
    if (!root.is_object() || !root.contains("blocks") || !root["blocks"].is_array()) return std::nullopt;
    const json& blocks = root["blocks"];
    for (std::size_t index = 0; index < blocks.size(); ++index) {
      const json& block = blocks[index];
      if (!block.is_object() || !block.contains("text") || !block["text"].is_string()) continue;
      const auto& block_text = block["text"].get_ref<const std::string&>();
      const std::size_t at = block_text.find(kMarker);
      if (at != std::string::npos) {
        return "invalid UTF-8 in block " + std::to_string(index) + " at byte " + std::to_string(at) +
               " of its text (byte " + std::to_string(first.byte) + " of the input): " + first.reason;
      }
    }
  } catch (const std::exception&) {
    // Any trouble here only costs the finer message.
  }
  return std::nullopt;
}

std::string_view type_name(const json& value) { return value.type_name(); }

}  // namespace

// ---------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------

std::string_view to_string(BlockKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < kBlockKindNames.size() ? kBlockKindNames[index] : "unknown";
}

BlockKind block_kind_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kBlockKindNames.size(); ++i) {
    if (kBlockKindNames[i] == name) return static_cast<BlockKind>(i);
  }
  std::string known;
  for (std::string_view kind : kBlockKindNames) known += (known.empty() ? "" : ", ") + std::string(kind);
  throw Error("unknown block kind \"" + std::string(name) + "\" (known: " + known + ")");
}

void check_utf8(std::string_view text, std::string_view where) {
  if (std::optional<Utf8Fault> fault = find_utf8_fault(text)) throw Error(utf8_message(where, *fault));
}

Document parse_article_json(std::string_view text) {
  if (text.size() > kMaxJsonBytes) {
    throw Error("article JSON is " + std::to_string(text.size()) + " bytes; the limit is " +
                std::to_string(kMaxJsonBytes));
  }
  // JSON text is UTF-8 (RFC 8259). Checking it here, before the parser,
  // gives a message that names the byte rather than the parser's
  // "ill-formed UTF-8 byte", and makes every block text valid by construction.
  if (std::optional<Utf8Fault> fault = find_utf8_fault(text)) {
    if (std::optional<std::string> located = locate_utf8_fault(text, *fault)) throw Error(*located);
    throw Error(utf8_message("JSON input", *fault));
  }

  // The common case without nlohmann's tree; anything else (an error
  // above all) takes the long way below, which names it. In the
  // WebAssembly engine too: nlohmann's lexer, which builds each string a
  // character at a time, was a fifth of the engine's time per dev article in
  // node's profiler; the reader costs 2.3 KB of the gzip budget and makes
  // the engine 10-14 % faster (docs/wasm.md).
  if (Document document; read_article(text, document)) {
    check_limits(document);
    return document;
  }

  const json root = parse_json(text);
  if (!root.is_object()) {
    throw Error("article must be a JSON object with a \"blocks\" array, not " + std::string(type_name(root)));
  }
  const auto blocks = root.find("blocks");
  if (blocks == root.end()) throw Error("article has no \"blocks\" array");
  if (!blocks->is_array()) {
    throw Error("article's \"blocks\" must be an array, not " + std::string(type_name(*blocks)));
  }
  if (blocks->size() > kMaxBlocks) {
    throw Error("article has " + std::to_string(blocks->size()) + " blocks; the limit is " +
                std::to_string(kMaxBlocks));
  }

  Document document;
  document.blocks.reserve(blocks->size());
  for (std::size_t index = 0; index < blocks->size(); ++index) {
    const json& item = (*blocks)[index];
    const std::string name = "block " + std::to_string(index);
    if (!item.is_object()) throw Error(name + " must be an object, not " + std::string(type_name(item)));
    Block block;
    const auto kind = item.find("kind");
    if (kind != item.end()) {
      // A block without a kind is a paragraph; a kind that is there must be known.
      if (!kind->is_string()) throw Error(name + ": \"kind\" must be a string, not " + std::string(type_name(*kind)));
      try {
        block.kind = block_kind_from_string(kind->get_ref<const std::string&>());
      } catch (const Error& error) {
        throw Error(name + ": " + error.what());
      }
    }
    const auto block_text = item.find("text");
    if (block_text == item.end()) throw Error(name + " has no \"text\"");
    if (!block_text->is_string()) {
      throw Error(name + ": \"text\" must be a string, not " + std::string(type_name(*block_text)));
    }
    block.text = block_text->get<std::string>();
    document.blocks.push_back(std::move(block));
  }
  check_limits(document);
  return document;
}

Document parse_plain_text(std::string_view text) {
  if (text.size() > kMaxArticleBytes) {
    throw Error("article text is " + std::to_string(text.size()) + " bytes; the limit is " +
                std::to_string(kMaxArticleBytes));
  }
  check_utf8(text, "the text");

  Document document;
  std::string paragraph;
  auto flush = [&] {
    if (paragraph.empty()) return;
    if (document.blocks.size() == kMaxBlocks) {
      throw Error("article has more than " + std::to_string(kMaxBlocks) + " paragraphs; the limit is " +
                  std::to_string(kMaxBlocks));
    }
    Block block;
    block.kind = document.blocks.empty() ? BlockKind::title : BlockKind::paragraph;
    block.text = std::move(paragraph);
    document.blocks.push_back(std::move(block));
    paragraph.clear();
  };

  std::size_t begin = 0;
  while (begin <= text.size()) {
    // A line ends at "\n", "\r\n" or a lone "\r".
    std::size_t end = text.find_first_of("\r\n", begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text::trim(text.substr(begin, end - begin));  // text::is_space: a line of only (no-break, thin) spaces is blank
    if (line.empty()) {
      flush();
    } else {
      if (!paragraph.empty()) paragraph.push_back(' ');
      paragraph.append(line);
    }
    if (end == text.size()) break;
    begin = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  flush();
  check_limits(document);
  return document;
}

}  // namespace whosays
