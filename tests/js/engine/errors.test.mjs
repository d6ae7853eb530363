// Bad input crosses the boundary as an Error with the core's message, and the
// analyzer goes on working afterwards.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

import { distEngine, importEngine, readJson, unicodeFixture } from './helpers.mjs';

const valid = { blocks: [{ kind: 'paragraph', text: 'The ministry said 12 soldiers were killed on Sunday.' }] };

describe('analyzer.analyze', () => {
  let engine;
  let analyzer;
  let expected;
  before(async () => {
    engine = await importEngine();
    analyzer = await engine.createAnalyzer();
    expected = JSON.stringify(analyzer.analyze(valid));
  });

  const cases = [
    ['the JSON text is malformed', '{"blocks": [', /malformed JSON/],
    ['the article has no blocks', { title: 'x' }, /article has no "blocks" array/],
    ['blocks is not an array', { blocks: 'text' }, /"blocks" must be an array, not string/],
    ['the article is not an object', [1, 2], /article must be a JSON object with a "blocks" array, not array/],
    ['the article is null', null, /article must be a JSON object with a "blocks" array, not null/],
    ['a block is not an object', { blocks: [42] }, /block 0 must be an object, not number/],
    ['a block has no text', { blocks: [{ kind: 'paragraph' }] }, /block 0 has no "text"/],
    ['a text is not a string', { blocks: [{ kind: 'paragraph', text: 7 }] }, /block 0: "text" must be a string, not number/],
    ['a block kind is unknown', { blocks: [{ kind: 'headline', text: 'x' }] }, /block 0: unknown block kind "headline"/],
    ['the text is over 2 MiB', { blocks: [{ kind: 'paragraph', text: 'a'.repeat(2 * 1024 * 1024 + 1) }] }, /article text is 2097153 bytes; the limit is 2097152/],
    ['there are too many blocks', { blocks: Array.from({ length: 20001 }, () => ({ kind: 'paragraph', text: 'a' })) }, /article has 20001 blocks; the limit is 20000/],
    ['no article is given', undefined, /analyze\(\) needs an article/],
  ];
  for (const [when, input, message] of cases) {
    it(`throws a WhosaysError with the core's message, then still analyses, when ${when}`, () => {
      assert.throws(() => analyzer.analyze(input), (error) => {
        assert.ok(error instanceof Error, 'not an Error');
        assert.ok(error instanceof engine.WhosaysError, 'not a WhosaysError');
        assert.equal(error.name, 'WhosaysError');
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /^\d+$/, 'a bare exception pointer');
        return true;
      });
      assert.equal(JSON.stringify(analyzer.analyze(valid)), expected);
    });
  }

  it('reads a lone surrogate as U+FFFD and keeps offsets when a text holds one', () => {
    const text = 'Smoke \uD83D rose. The ministry said 12 soldiers were killed on Sunday.';
    const result = analyzer.analyze({ blocks: [{ kind: 'paragraph', text }] });
    const clean = analyzer.analyze({ blocks: [{ kind: 'paragraph', text: text.replace('\uD83D', '\uFFFD') }] });
    assert.deepEqual(result, clean);
    for (const claim of result.claims) assert.equal(text.slice(claim.start, claim.end), claim.text);
  });

  it('analyses a large valid article after a failure', () => {
    const article = readJson(unicodeFixture);
    const big = { blocks: Array.from({ length: 200 }, (_, index) => article.blocks[index % article.blocks.length]) };
    assert.throws(() => analyzer.analyze('not json'), /malformed JSON/);
    const result = analyzer.analyze(big);
    assert.equal(result.summary.claims, result.claims.length);
    assert.equal(JSON.stringify(analyzer.analyze(valid)), expected);
  });
});

describe('createAnalyzer', () => {
  let engine;
  before(async () => { engine = await importEngine(); });

  it('rejects with a WhosaysError when the wasm bytes are not a module', async () => {
    await assert.rejects(engine.createAnalyzer({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }),
      (error) => error instanceof engine.WhosaysError && /could not load the WebAssembly engine/.test(error.message));
  });

  it('rejects when wasmBinary is not bytes', async () => {
    await assert.rejects(engine.createAnalyzer({ wasmBinary: 'whosays-core.wasm' }), /must be an ArrayBuffer or a typed array/);
  });

  it('loads from wasmBinary, from wasmUrl over HTTP with or without the wasm type, and from a relative wasmUrl, when given them', async () => {
    const bytes = readFileSync(path.join(distEngine, 'whosays-core.wasm'));
    const fromBytes = await engine.createAnalyzer({ wasmBinary: bytes });
    const server = createServer((request, response) => {
      if (request.url === '/whosays-core.wasm' || request.url === '/untyped.wasm') {
        // A server that does not know the wasm type: no streaming compile.
        const type = request.url === '/untyped.wasm' ? 'application/octet-stream' : 'application/wasm';
        response.writeHead(200, { 'content-type': type });
        response.end(bytes);
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      const fromUrl = await engine.createAnalyzer({ wasmUrl: `${base}/whosays-core.wasm` });
      assert.deepEqual(fromUrl.analyze(valid), fromBytes.analyze(valid));
      const untyped = await engine.createAnalyzer({ wasmUrl: `${base}/untyped.wasm` });
      assert.deepEqual(untyped.analyze(valid), fromBytes.analyze(valid));
      const relative = await engine.createAnalyzer({ wasmUrl: './whosays-core.wasm' });
      assert.deepEqual(relative.analyze(valid), fromBytes.analyze(valid));
      await assert.rejects(engine.createAnalyzer({ wasmUrl: new URL('/missing.wasm', base) }),
        (error) => error instanceof engine.WhosaysError && /HTTP 404/.test(error.message));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
