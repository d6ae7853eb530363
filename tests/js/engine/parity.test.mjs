// The wasm analyzer must answer exactly as the native harness does, on every
// dev article and on a fixture dense with non-ASCII text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

import { canonical, corpusArticles, corpusFiles, importEngine, nativeAnalyze, readJson, unicodeFixture } from './helpers.mjs';

// Every claim's and quantity's [start, end) must cut its own text out of the
// block: the UTF-16 conversion checked from the JavaScript side.
function assertOffsetsIndexJavaScriptStrings(article, result) {
  for (const claim of result.claims) {
    const text = article.blocks[claim.block].text;
    assert.equal(text.slice(claim.start, claim.end), claim.text, `claim in block ${claim.block} at ${claim.start}`);
    for (const quantity of claim.quantities) {
      assert.equal(text.slice(quantity.start, quantity.end), quantity.text, `quantity in block ${claim.block} at ${quantity.start}`);
    }
  }
}

describe('createAnalyzer (wasm) against the native harness', () => {
  let analyzer;
  before(async () => {
    const { createAnalyzer } = await importEngine();
    analyzer = await createAnalyzer();
  });

  const files = corpusFiles();
  it('finds the dev corpus when ../shared is checked out', { skip: files.length ? false : `no articles in ${corpusArticles}` }, () => {
    assert.ok(files.length >= 10, `only ${files.length} articles`);
  });

  for (const file of [...files, unicodeFixture]) {
    const name = path.basename(file, '.json');
    it(`gives the native output when analysing ${name}`, () => {
      const article = readJson(file);
      const wasm = analyzer.analyze(article);
      assert.equal(canonical(wasm), canonical(nativeAnalyze(file)));
      assertOffsetsIndexJavaScriptStrings(article, wasm);
    });
  }

  it('gives the same result when the article arrives as JSON text', () => {
    const text = readFileSync(unicodeFixture, 'utf8');
    assert.equal(canonical(analyzer.analyze(text)), canonical(analyzer.analyze(JSON.parse(text))));
  });

  it('counts offsets in UTF-16 units when non-ASCII text precedes a claim', () => {
    const article = readJson(unicodeFixture);
    const result = analyzer.analyze(article);
    const encoder = new TextEncoder();
    // A claim whose UTF-16 start differs from its UTF-8 byte offset proves the
    // fixture exercises the conversion (accents, NBSP, curly quotes, emoji).
    const shifted = result.claims.filter((claim) => {
      const before = article.blocks[claim.block].text.slice(0, claim.start);
      return encoder.encode(before).length !== claim.start;
    });
    assert.ok(result.claims.length >= 4, `only ${result.claims.length} claims in the fixture`);
    assert.ok(shifted.length >= 2, `only ${shifted.length} claims after non-ASCII text`);
    assert.ok(result.claims.some((claim) => /\p{Extended_Pictographic}/u.test(article.blocks[claim.block].text.slice(0, claim.start))),
      'no claim after an emoji');
  });
});
