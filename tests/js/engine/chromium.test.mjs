// The engine in real Chromium, under a strict Content-Security-Policy: on a
// page's main thread, in a module Web Worker and in a module service worker
// (the shape of an extension's background), each giving node's answer for the
// seed article; and a clear rejection where the policy forbids WebAssembly.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { canonical, distEngine, importEngine, readJson, seedArticle } from './helpers.mjs';

const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
const NO_WASM_CSP = "script-src 'self'";
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Pages and workers of the test site; the engine itself is served from
// dist/engine under /engine/. Scripts are files, as the policy forbids inline ones.
const SITE = {
  '/page.html': ['text/html', '<!doctype html><title>engine</title><script type="module" src="/page.js"></script>'],
  '/page.js': ['text/javascript', `
    import { createAnalyzer } from '/engine/index.js';
    globalThis.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => globalThis.violations.push(event.violatedDirective));
    const ready = createAnalyzer();
    globalThis.loaded = ready.then(() => 'loaded', (error) => ({ name: error.name, message: error.message, csp: error.csp }));
    globalThis.analyze = async (article) => (await ready).analyze(article);
    globalThis.analyzeBad = async (article) => {
      try { (await ready).analyze(article); return null; } catch (error) { return { name: error.name, message: error.message }; }
    };
  `],
  '/worker.html': ['text/html', '<!doctype html><title>worker</title><script type="module" src="/worker-page.js"></script>'],
  '/worker-page.js': ['text/javascript', `
    const worker = new Worker('/worker.js', { type: 'module' });
    let next = 0;
    const pending = new Map();
    worker.onmessage = ({ data }) => { pending.get(data.id)(data); pending.delete(data.id); };
    worker.onerror = (event) => { for (const resolve of pending.values()) resolve({ error: 'worker error: ' + event.message }); };
    globalThis.analyze = (article) => new Promise((resolve) => { const id = next++; pending.set(id, resolve); worker.postMessage({ id, article }); });
  `],
  '/worker.js': ['text/javascript', `
    import { createAnalyzer } from '/engine/index.js';
    const ready = createAnalyzer();
    self.onmessage = async ({ data }) => {
      try { self.postMessage({ id: data.id, result: (await ready).analyze(data.article), scope: self.constructor.name }); }
      catch (error) { self.postMessage({ id: data.id, error: error.message }); }
    };
  `],
  '/sw.html': ['text/html', '<!doctype html><title>service worker</title><script type="module" src="/sw-page.js"></script>'],
  '/sw-page.js': ['text/javascript', `
    globalThis.analyze = async (article) => {
      const registration = await navigator.serviceWorker.register('/sw.js', { type: 'module' });
      const worker = registration.active ?? registration.installing ?? registration.waiting;
      if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
      const channel = new MessageChannel();
      const answer = new Promise((resolve) => { channel.port1.onmessage = ({ data }) => resolve(data); });
      worker.postMessage({ article }, [channel.port2]);
      return answer;
    };
  `],
  // As in an extension's background: static imports only (service workers
  // forbid import() and top-level await), the analyzer made on first use.
  '/sw.js': ['text/javascript', `
    import { createAnalyzer } from '/engine/index.js';
    let ready;
    self.addEventListener('install', () => self.skipWaiting());
    self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
    self.addEventListener('message', (event) => {
      ready ??= createAnalyzer();
      event.waitUntil(ready.then(
        (analyzer) => event.ports[0].postMessage({ result: analyzer.analyze(event.data.article), scope: self.constructor.name }),
        (error) => event.ports[0].postMessage({ error: error.message })));
    });
  `],
};

const ENGINE_TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.ts': 'text/plain' };

// A static server on 127.0.0.1; every response carries the policy `csp()`.
async function startServer(csp) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const headers = { 'content-security-policy': csp(), 'cache-control': 'no-store' };
    try {
      if (SITE[url.pathname]) {
        const [type, body] = SITE[url.pathname];
        response.writeHead(200, { ...headers, 'content-type': type });
        response.end(body);
        return;
      }
      if (url.pathname.startsWith('/engine/')) {
        const name = path.basename(url.pathname);
        const body = await readFile(path.join(distEngine, name));
        response.writeHead(200, { ...headers, 'content-type': ENGINE_TYPES[path.extname(name)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      }
      response.writeHead(404, headers);
      response.end();
    } catch {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('the engine in Chromium', { timeout: 180_000 }, () => {
  let browser;
  let server;
  let base;
  let policy = STRICT_CSP;
  let article;
  let expected;

  before(async () => {
    article = readJson(seedArticle);
    const { createAnalyzer } = await importEngine();
    expected = canonical((await createAnalyzer()).analyze(article));
    server = await startServer(() => policy);
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  async function openPage(file) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/${file}`);
    await page.waitForFunction(() => typeof globalThis.analyze === 'function');
    return { context, page, errors };
  }

  it("gives node's result on the main thread when the page allows only 'self' and 'wasm-unsafe-eval'", async () => {
    policy = STRICT_CSP;
    const { context, page, errors } = await openPage('page.html');
    try {
      assert.equal(await page.evaluate(() => globalThis.loaded), 'loaded');
      const result = await page.evaluate((input) => globalThis.analyze(input), article);
      assert.equal(canonical(result), expected);
      const bad = await page.evaluate(() => globalThis.analyzeBad({ blocks: [{ kind: 'headline', text: 'x' }] }));
      assert.equal(bad.name, 'WhosaysError');
      assert.match(bad.message, /unknown block kind "headline"/);
      assert.equal(canonical(await page.evaluate((input) => globalThis.analyze(input), article)), expected);
      assert.deepEqual(await page.evaluate(() => globalThis.violations), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  const WORKERS = [
    ['a module Web Worker', 'worker.html', 'DedicatedWorkerGlobalScope'],
    ['a module service worker that imports the engine statically', 'sw.html', 'ServiceWorkerGlobalScope'],
  ];
  for (const [where, file, scope] of WORKERS) {
    it(`gives node's result in ${where} when the page allows only 'self' and 'wasm-unsafe-eval'`, async () => {
      policy = STRICT_CSP;
      const { context, page, errors } = await openPage(file);
      try {
        const answer = await page.evaluate((input) => globalThis.analyze(input), article);
        assert.equal(answer.error, undefined);
        assert.equal(answer.scope, scope);
        assert.equal(canonical(answer.result), expected);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  it("rejects with an Error naming the policy when the page's CSP lacks 'wasm-unsafe-eval'", async () => {
    policy = NO_WASM_CSP;
    const { context, page } = await openPage('page.html');
    try {
      const loaded = await page.evaluate(() => Promise.race([
        globalThis.loaded,
        new Promise((resolve) => setTimeout(() => resolve('hung'), 10_000)),
      ]));
      assert.notEqual(loaded, 'hung');
      assert.notEqual(loaded, 'loaded');
      assert.equal(loaded.name, 'WhosaysError');
      assert.match(loaded.message, /Content-Security-Policy must allow 'wasm-unsafe-eval'/);
      assert.equal(loaded.csp, true);
    } finally {
      await context.close();
      policy = STRICT_CSP;
    }
  });
});
