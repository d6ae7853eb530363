// The demo: every dev-corpus article page reads back as the article's own
// blocks, and the server serves pages, CSP variants and nothing outside its folders.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../web/overlay/extract.js';
import { articlePage, CSP_MODES, escapeHtml, startDemoServer } from '../../../web/demo/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(root, '../shared/corpus/dev/articles');
const noCorpus = !existsSync(corpus) && 'no shared corpus';

describe('articlePage', () => {
  it('reads back as the article blocks when each dev-corpus article is laid out', { skip: noCorpus }, () => {
    const names = readdirSync(corpus).filter((name) => name.endsWith('.json'));
    assert.ok(names.length > 0);
    for (const name of names) {
      const article = JSON.parse(readFileSync(path.join(corpus, name), 'utf8'));
      const html = articlePage(article, '');
      const blocks = extractArticle(parseHTML(html).document).blocks.map(({ kind, text }) => ({ kind, text }));
      // A browser collapses runs of spaces, and so does extraction.
      const shown = (text) => text.replace(/[ \t\n\r\f]+/g, ' ').trim();
      assert.deepEqual(blocks, article.blocks.map(({ kind, text }) => ({ kind, text: shown(text) })), name);
      assert.match(html, /<script src="\/embed\/whosays\.js" defer><\/script>/);
      if (article.url) assert.ok(html.includes('Creative Commons Attribution 2.5') && html.includes(escapeHtml(article.url)), name);
    }
  });

  it('escapes markup when article text holds it', () => {
    const html = articlePage({ id: 'x', title: '<b>t</b>', blocks: [{ kind: 'paragraph', text: '<img src=x onerror=alert(1)>' }] }, '');
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});

describe('demo server', () => {
  let server;
  before(async () => {
    server = await startDemoServer({ root });
  });
  after(async () => {
    await server?.close();
  });
  const get = (relative) => fetch(new URL(relative, server.url));

  it('listens on 127.0.0.1 and serves the index and the seed page', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get('/');
    assert.equal(index.status, 200);
    const seed = await (await get('/seed')).text();
    assert.match(seed, /<script src="\/embed\/whosays\.js" defer><\/script>/);
    assert.match(seed, /Leave a Reply/);
  });

  it('serves a dev-corpus article page when asked by id', { skip: noCorpus }, async () => {
    const response = await get('/article/wikinews-2019-016');
    assert.equal(response.status, 200);
    assert.match(await response.text(), /CC BY 2\.5/);
    assert.equal((await get('/article/no-such-article')).status, 404);
  });

  it('sends the CSP header and prefixes paths when a csp- path is asked', async () => {
    const response = await get('/csp-strict/seed');
    assert.equal(response.headers.get('content-security-policy'), CSP_MODES['csp-strict']);
    assert.match(await response.text(), /src="\/csp-strict\/embed\/whosays\.js"/);
  });

  it('refuses paths that climb out of its folders', async () => {
    for (const relative of ['/assets/../../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/embed/..%2f..%2fpackage.json']) {
      assert.ok([400, 404, 503].includes((await get(relative)).status), relative);
    }
  });
});
