// Anchoring: claim spans ([start, end) in UTF-16 code units of a block's
// text) become DOM Ranges through the block's segments (extract.js), and
// each claim keeps a selector (position + exact quote + prefix and suffix) so
// it can be found again after the page changes: anchor by position, check by
// quote, fall back to searching the quote (after hypothesis/client).

export const CONTEXT_CHARACTERS = 32;

// The segment holding text index `index`, by binary search; null if none.
function segmentAt(segments, index) {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (index < segment.start) high = middle - 1;
    else if (index >= segment.end) low = middle + 1;
    else return segment;
  }
  return null;
}

// The DOM position of the text unit at `index`: { node, offset }.
export function positionAt(block, index) {
  const segment = segmentAt(block.segments, index);
  if (!segment) return null;
  return { node: segment.node, offset: segment.offset + index - segment.start };
}

// A Range over block.text[start, end), or null when the span is empty, out
// of the block, or its nodes have left the document or changed length.
export function rangeFor(block, start, end, document) {
  if (!block || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > block.text.length || start >= end) return null;
  const first = positionAt(block, start);
  const last = positionAt(block, end - 1);
  if (!first || !last) return null;
  if (first.offset > first.node.data.length || last.offset + 1 > last.node.data.length) return null;
  const range = (document || first.node.ownerDocument).createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

// The text a range covers, whitespace collapsed as in block text.
export function rangeText(range) {
  return range.toString().replace(/[ \t\n\r\f]+/g, ' ');
}

// What it takes to find a claim again.
export function selectorFor(blocks, claim) {
  const text = blocks[claim.block].text;
  return {
    block: claim.block,
    start: claim.start,
    end: claim.end,
    exact: text.slice(claim.start, claim.end),
    prefix: text.slice(Math.max(0, claim.start - CONTEXT_CHARACTERS), claim.start),
    suffix: text.slice(claim.end, claim.end + CONTEXT_CHARACTERS),
  };
}

function commonSuffixLength(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// Finds `selector` in `blocks` again: { block, start, end } or null. By
// position when the quote is still there; else the occurrence of the quote
// whose prefix and suffix fit best (nearest block on a tie).
export function reanchor(blocks, selector) {
  const { exact } = selector;
  if (!exact) return null;
  const same = blocks[selector.block];
  if (same && same.text.slice(selector.start, selector.end) === exact) {
    return { block: selector.block, start: selector.start, end: selector.end };
  }
  let best = null;
  let bestScore = -Infinity;
  blocks.forEach((block, index) => {
    for (let at = block.text.indexOf(exact); at !== -1; at = block.text.indexOf(exact, at + 1)) {
      const before = block.text.slice(Math.max(0, at - CONTEXT_CHARACTERS), at);
      const after = block.text.slice(at + exact.length, at + exact.length + CONTEXT_CHARACTERS);
      const fit = commonSuffixLength(before, selector.prefix) + commonPrefixLength(after, selector.suffix);
      // Context fit first; then closeness to the old block and position.
      const score = fit * 1e6 - Math.abs(index - selector.block) * 1e4 - Math.min(9999, Math.abs(at - selector.start));
      if (score > bestScore) {
        bestScore = score;
        best = { block: index, start: at, end: at + exact.length };
      }
    }
  });
  return best;
}
