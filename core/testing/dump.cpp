#include "dump.h"

#include <cmath>
#include <cstdio>

namespace whosays::testing {
namespace {

std::string format_number(double value) {
  char buffer[64];
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.12g", value);
  }
  return buffer;
}

}  // namespace

std::string dump(const Quantity& quantity) {
  std::string out = "qty{min=" + format_number(quantity.min);
  if (quantity.max != quantity.min) out += " max=" + format_number(quantity.max);
  if (quantity.approximate) out += " approx";
  out += ' ';
  out += to_string(quantity.kind);
  out += '}';
  return out;
}


std::string dump(const Claim& claim, const Document& document) {
  std::string out = "claim{";
  std::string kinds;
  if (claim.casualty) kinds += "casualty";
  if (claim.responsibility) kinds += kinds.empty() ? "responsibility" : ",responsibility";
  out += kinds.empty() ? "none" : kinds;
  out += ' ';
  out += to_string(claim.status);
  if (!claim.source.empty()) out += " source=\"" + claim.source + "\"";
  if (!claim.cue.empty()) out += " cue=\"" + claim.cue + "\"";
  out += " route=";
  out += to_string(claim.route);
  if (claim.block < document.blocks.size()) {
    const std::string& text = document.blocks[claim.block].text;
    if (claim.span.begin <= claim.span.end && claim.span.end <= text.size()) {
      out += " text=\"" + text.substr(claim.span.begin, claim.span.size()) + "\"";
    }
  }
  out += '}';
  return out;
}

}  // namespace whosays::testing
