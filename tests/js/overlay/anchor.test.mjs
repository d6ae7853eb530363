// Anchoring in node (jsdom has real Ranges): claim spans in UTF-16 units of
// block text become Ranges over the DOM, across inline elements and emoji,
// and selectors find claims again after the page changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { rangeFor, rangeText, reanchor, selectorFor } from '../../../web/overlay/anchor.js';
import { extractArticle } from '../../../web/overlay/extract.js';

const filler = 'This sentence is here only to make the paragraph long enough to be an article. ';

function blocksOf(body) {
  const document = new JSDOM(`<!doctype html><html><body><article>${body}<p>${filler.repeat(4)}</p></article></body></html>`).window.document;
  return { document, blocks: extractArticle(document).blocks };
}

// The span of `quote` in block `index`, as the engine would give it.
function span(blocks, index, quote) {
  const start = blocks[index].text.indexOf(quote);
  assert.notEqual(start, -1, `"${quote}" not in block ${index}`);
  return { block: index, start, end: start + quote.length };
}

describe('rangeFor', () => {
  it('covers exactly the claim when the span crosses <a>, <em> and <b>', () => {
    const { document, blocks } = blocksOf('<p>Police <a href="#">said <em>five people</em> were</a> <b>killed</b> on Monday.</p>');
    const claim = span(blocks, 0, 'five people were killed');
    const range = rangeFor(blocks[0], claim.start, claim.end, document);
    assert.equal(range.toString(), 'five people were killed');
    assert.equal(range.startContainer.parentElement.localName, 'em');
    assert.equal(range.endContainer.parentElement.localName, 'b');
  });

  it('counts UTF-16 units when emoji come before the span', () => {
    const { document, blocks } = blocksOf('<p>Grief 😢🚌 as <i>12</i> die, “officials” said — 👍 now.</p>');
    const text = blocks[0].text;
    const start = text.indexOf('12 die');
    assert.equal(start, '😢🚌'.length + 'Grief  as '.length);
    assert.equal(rangeFor(blocks[0], start, start + '12 die'.length, document).toString(), '12 die');
    const quoted = span(blocks, 0, '“officials” said — 👍');
    assert.equal(rangeFor(blocks[0], quoted.start, quoted.end, document).toString(), '“officials” said — 👍');
  });

  it('maps collapsed whitespace back to the source text when the HTML wraps lines', () => {
    const { document, blocks } = blocksOf('<p>Three\n      people   were\n killed.</p>');
    const claim = span(blocks, 0, 'people were killed');
    const range = rangeFor(blocks[0], claim.start, claim.end, document);
    assert.equal(rangeText(range), 'people were killed');
  });

  it('returns null when the span is empty, reversed or outside the block', () => {
    const { document, blocks } = blocksOf('<p>Short text.</p>');
    assert.equal(rangeFor(blocks[0], 3, 3, document), null);
    assert.equal(rangeFor(blocks[0], 5, 2, document), null);
    assert.equal(rangeFor(blocks[0], 0, 999, document), null);
    assert.equal(rangeFor(blocks[0], -1, 2, document), null);
    assert.equal(rangeFor(blocks[0], 0.5, 2, document), null);
  });
});

describe('reanchor', () => {
  it('keeps the position when the quote is still there', () => {
    const { blocks } = blocksOf('<p>The army said 14 were killed.</p>');
    const selector = selectorFor(blocks, span(blocks, 0, '14 were killed'));
    assert.deepEqual(reanchor(blocks, selector), { block: 0, start: selector.start, end: selector.end });
  });

  it('finds the quote again when text was inserted before it', () => {
    const before = blocksOf('<p>Intro.</p><p>The army said 14 were killed.</p>').blocks;
    const selector = selectorFor(before, span(before, 1, '14 were killed'));
    const after = blocksOf('<p>Intro.</p><p>Breaking: a new paragraph.</p><p>Update: The army said 14 were killed.</p>').blocks;
    const found = reanchor(after, selector);
    assert.equal(found.block, 2);
    assert.equal(after[2].text.slice(found.start, found.end), '14 were killed');
  });

  it('prefers the occurrence whose context fits when the quote appears twice', () => {
    const before = blocksOf('<p>Police said two died. Medics said two died in hospital.</p>').blocks;
    const text = before[0].text;
    const start = text.lastIndexOf('two died');
    const selector = selectorFor(before, { block: 0, start, end: start + 'two died'.length });
    const after = blocksOf('<p>UPDATE. Police said two died. Medics said two died in hospital.</p>').blocks;
    const found = reanchor(after, selector);
    assert.equal(found.start, after[0].text.lastIndexOf('two died'));
  });

  it('gives null when the quote is gone', () => {
    const before = blocksOf('<p>The army said 14 were killed.</p>').blocks;
    const selector = selectorFor(before, span(before, 0, '14 were killed'));
    const after = blocksOf('<p>The army said nothing.</p>').blocks;
    assert.equal(reanchor(after, selector), null);
  });
});
