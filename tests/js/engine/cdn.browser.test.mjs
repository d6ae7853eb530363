// The script tag served from another origin than the page (a CDN), in real
// Chromium: the page's origin may not start a worker from the CDN's URL, so
// the tag starts it through a same-origin blob: wrapper, and the engine must
// then find its .wasm from the URL it is given, not from the worker's own
// (a blob: URL, against which nothing resolves). The page compiles the .wasm
// and hands it to the worker, which fetches it itself only when the page
// could not compile it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { root } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const embed = path.join(root, 'dist/embed');
const skip = (!existsSync(CHROMIUM) && `${CHROMIUM} is missing (bash scripts/setup.sh installs it)`)
  || (!existsSync(path.join(embed, 'whosays.js')) && 'dist/embed is missing: run npm run build');
const TYPES = { '.js': 'text/javascript' };

// Listens on 127.0.0.1; `handle(pathname)` gives [status, headers, body].
function listen(handle) {
  const requests = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    requests.push(pathname);
    const [status, headers, body] = handle(pathname);
    response.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    response.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`,
      requests,
      close: () => new Promise((done) => server.close(done)),
    }));
  });
}

// The CDN: dist/embed/ under /whosays/, with or without a CORS header, the
// .wasm as application/wasm or as another type.
function cdn({ cors, wasmType = 'application/wasm' }) {
  return listen((pathname) => {
    const name = pathname.replace(/^\/whosays\//, '');
    const file = path.join(embed, name);
    if (!pathname.startsWith('/whosays/') || name.includes('/') || !existsSync(file)) return [404, {}, 'not found'];
    const headers = { 'Content-Type': name.endsWith('.wasm') ? wasmType : TYPES[path.extname(name)] || 'application/octet-stream' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    return [200, headers, readFileSync(file)];
  });
}

// The site: one article page whose tag points at `scriptUrl`.
function site(scriptUrl) {
  const seed = readFileSync(path.join(root, 'web/demo/pages/seed.html'), 'utf8')
    .replaceAll('{{base}}/embed/whosays.js', scriptUrl)
    .replaceAll('{{base}}', '');
  return listen((pathname) => (pathname === '/article'
    ? [200, { 'Content-Type': 'text/html; charset=utf-8' }, seed]
    : [404, {}, 'not found']));
}

describe('script tag served from a CDN (another origin) in Chromium', { skip }, () => {
  let browser;
  const servers = [];
  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  // Opens the article; resolves once the tag has a result or shows a message.
  async function open(options) {
    const files = await cdn(options);
    const page = await site(`${files.url}/whosays/whosays.js`);
    servers.push(files, page);
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${page.url}/article`);
    await tab.waitForFunction(() => window.whosays && (window.whosays.result
      || (window.whosays.overlay && !window.whosays.overlay.host.shadowRoot.querySelector('.message').hidden)), null, { timeout: 20000 });
    const state = await tab.evaluate(() => ({
      mode: window.whosays.engineMode,
      claims: window.whosays.overlay.claims.length,
      anchored: window.whosays.overlay.claims.filter((claim) => claim.anchored).length,
      message: window.whosays.overlay.host.shadowRoot.querySelector('.message').textContent,
    }));
    await tab.close();
    return { state, errors, files, page };
  }

  it('analyses the page in a worker when the CDN sends a CORS header', async () => {
    const { state, errors, files, page } = await open({ cors: true });
    assert.deepEqual(errors, []);
    assert.equal(state.mode, 'worker');
    assert.ok(state.claims >= 10, `${state.claims} claims; message: ${state.message}`);
    assert.equal(state.anchored, state.claims);
    assert.ok(files.requests.includes('/whosays/whosays-worker.js'), files.requests.join(' '));
    // Compiled once, on the page, and handed to the worker: one fetch.
    assert.equal(files.requests.filter((request) => request === '/whosays/whosays-core.wasm').length, 1, files.requests.join(' '));
    assert.deepEqual(page.requests.filter((request) => !['/article', '/favicon.ico'].includes(request) && !request.startsWith('/assets/')), []);
  });

  it('lets the worker fetch and compile the .wasm when the CDN does not serve it as application/wasm', async () => {
    // compileStreaming refuses another type; the worker then reads the bytes itself.
    const { state, errors, files } = await open({ cors: true, wasmType: 'application/octet-stream' });
    assert.deepEqual(errors, []);
    assert.equal(state.mode, 'worker');
    assert.ok(state.claims >= 10, `${state.claims} claims; message: ${state.message}`);
    assert.equal(files.requests.filter((request) => request === '/whosays/whosays-core.wasm').length, 2, files.requests.join(' '));
  });

  it('says the .wasm could not be fetched when the CDN sends no CORS header', async () => {
    const { state } = await open({ cors: false });
    assert.equal(state.claims, 0);
    assert.match(state.message, /could not analyse this page/);
    assert.doesNotMatch(state.message, /Invalid URL/);
  });
});
