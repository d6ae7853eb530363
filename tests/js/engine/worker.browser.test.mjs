// The script tag's worker (dist/embed/whosays-worker.js) in real Chromium,
// spoken to directly: a request that is waiting when the engine loads is
// answered after one warm-up run and before any other; the warm-up then runs (100 runs at most)
// and the worker still answers afterwards; a module compiled on the page is used as
// it is (the worker fetches nothing). And createAnalyzer({ module }) in node.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { canonical, distEngine, importEngine, root } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const embed = path.join(root, 'dist/embed');
const skip = (!existsSync(CHROMIUM) && `${CHROMIUM} is missing (bash scripts/setup.sh installs it)`)
  || (!existsSync(path.join(embed, 'whosays-worker.js')) && 'dist/embed is missing: run npm run build');
const ARTICLE = { blocks: [{ kind: 'paragraph', text: 'At least 12 people were killed on Sunday, the governor said.' }] };

describe('the embed worker in Chromium', { skip }, () => {
  let browser;
  let server;
  let origin;
  const requests = [];
  before(async () => {
    server = createServer((request, response) => {
      const name = new URL(request.url, 'http://127.0.0.1').pathname.slice(1);
      requests.push(name);
      if (name === 'page.html') {
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>worker</title>');
        return;
      }
      const file = path.join(embed, name);
      if (name.includes('/') || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', 'Cache-Control': 'no-store' });
      response.end(readFileSync(file));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  // Starts the worker as the tag does, posts `article` at once, and records
  // every message (kind and order) until the warm-up is done and a request
  // made after it is answered; and how many warm-up runs there were.
  // With `during`, the second request goes as soon as the first answer is
  // in, while the warm-up runs.
  async function talk({ pageCompiles, during = false }) {
    const page = await browser.newPage();
    await page.goto(`${origin}/page.html`);
    requests.length = 0;
    const talked = await page.evaluate(async ({ article, pageCompiles, during }) => {
      const wasmUrl = new URL('whosays-core.wasm', location.href).href;
      const worker = new Worker('whosays-worker.js');
      const log = [];
      let runs = 0;
      let done;
      const finished = new Promise((resolve) => { done = resolve; });
      worker.onmessage = ({ data }) => {
        if (data.ready) log.push('ready');
        else if (data.loaded) log.push('loaded');
        else if (data.warmed) {
          log.push('warmed'); runs = data.warmed.runs;
          if (during) done();
          else worker.postMessage({ id: 2, article, wasmUrl });
        } else {
          log.push(data.error ? `error ${data.id} ${data.error.message}` : `answer ${data.id} ${data.result.claims.length}`);
          if (data.id === 1 && during) worker.postMessage({ id: 2, article, wasmUrl });
          if (data.id === 2 && !during) done();
        }
      };
      worker.postMessage({ load: wasmUrl, module: pageCompiles });
      if (pageCompiles) worker.postMessage({ module: await WebAssembly.compileStreaming(fetch(wasmUrl)) });
      worker.postMessage({ id: 1, article, wasmUrl });
      await finished;
      worker.terminate();
      return { log, runs };
    }, { article: ARTICLE, pageCompiles, during });
    await page.close();
    return talked;
  }

  it('answers a waiting request after one warm-up run, then warms up (100 runs at most) and answers again', async () => {
    const { log, runs } = await talk({ pageCompiles: false });
    assert.deepEqual(log, ['ready', 'loaded', 'answer 1 1', 'warmed', 'answer 2 1']);
    assert.ok(runs >= 1 && runs <= 100, `${runs} warm-up runs`);
    assert.equal(requests.filter((name) => name === 'whosays-core.wasm').length, 1);
  });

  it('answers a request that comes during the warm-up before the warm-up ends', async () => {
    const { log, runs } = await talk({ pageCompiles: true, during: true });
    assert.deepEqual(log, ['ready', 'loaded', 'answer 1 1', 'answer 2 1', 'warmed']);
    assert.ok(runs >= 2, `${runs} warm-up runs`);
  });

  it('uses the module the page compiled when the page posts one, fetching nothing itself', async () => {
    const { log } = await talk({ pageCompiles: true });
    assert.deepEqual(log, ['ready', 'loaded', 'answer 1 1', 'warmed', 'answer 2 1']);
    // The one fetch is the page's own (compileStreaming above).
    assert.equal(requests.filter((name) => name === 'whosays-core.wasm').length, 1);
  });
});

describe('createAnalyzer({ module })', () => {
  it('gives the same result as the bytes when it is given the module compiled', async () => {
    const { createAnalyzer } = await importEngine();
    const bytes = readFileSync(path.join(distEngine, 'whosays-core.wasm'));
    const fromModule = await createAnalyzer({ module: await WebAssembly.compile(bytes) });
    const fromBytes = await createAnalyzer({ wasmBinary: bytes });
    assert.equal(canonical(fromModule.analyze(ARTICLE)), canonical(fromBytes.analyze(ARTICLE)));
  });

  it('rejects with a WhosaysError when the module is not a WebAssembly.Module', async () => {
    const { createAnalyzer, WhosaysError } = await importEngine();
    await assert.rejects(createAnalyzer({ module: new Uint8Array([0, 97, 115, 109]) }), (error) => {
      assert.ok(error instanceof WhosaysError);
      assert.match(error.message, /options\.module must be a WebAssembly\.Module/);
      return true;
    });
  });
});
