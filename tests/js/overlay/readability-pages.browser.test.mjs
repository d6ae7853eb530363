// The script tag on the 46 real pages of Mozilla Readability's test suite, in
// Chromium with the real engine, served offline (../shared/pages/readability/).
// On English news pages the article must be found and its words must match
// Readability's expected.html (recall >= 0.95, precision >= 0.90) with no
// highlight outside it; non-English pages and home pages show no claims.
// Figures per page go to test-results/readability-pages.json and the log.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromiumMissing, embedBuilt, launch, READ_HIGHLIGHTS, results } from './helpers.mjs';
import { expectedArticle, insideExpected, offlinePage, pageClasses, pagesMissing, routeOffline, score } from './readability-pages.mjs';

const skip = chromiumMissing || pagesMissing || (!embedBuilt && 'dist/embed is missing: run npm run build');
const RECALL = 0.95;
const PRECISION = 0.90;

// Scripts are stripped, so the two pages whose own script shows them get
// that script back: seattletimes-1 hides <body> until its flicker-control
// script removes a style (played 2 s after load: whosays must look again
// without a reload); engadget hides <html> unless a frame-busting script
// shows it.
const PAGE_SCRIPTS = {
  'seattletimes-1': `<script>setTimeout(() => document.getElementById('chartbeat-flicker-control-style').remove(), 2000);</script>`,
  engadget: `<script>document.documentElement.style.display = 'block';</script>`,
};

describe('script tag on the Readability test pages', { skip }, () => {
  let session;
  const classes = skip ? {} : pageClasses();
  const runs = {};

  // Loads one page with the script tag; resolves to what whosays read and drew.
  async function run(slug) {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    // The pages' own inline handlers (onload="outbrain...") fail offline: only whosays's errors count.
    page.on('pageerror', (error) => {
      if (/whosays/.test(String(error.stack))) errors.push(String(error.stack));
    });
    const { url, local } = await routeOffline(page, session.server, slug, { extraHead: PAGE_SCRIPTS[slug] || '' });
    // The page as parsed, before the deferred script tag runs.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.__bodyBefore = document.body.innerHTML;
      });
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
    await page.waitForFunction(() => {
      const overlay = window.whosays && window.whosays.overlay;
      if (!overlay) return false;
      const message = overlay.host.shadowRoot.querySelector('.message');
      return Boolean(window.whosays.result) || !message.hidden;
    }, null, { timeout: 30000, polling: 100 });
    if (slug === 'seattletimes-1') {
      // Found once the body shows, without a reload.
      await page.waitForFunction(() => window.whosays.article && window.whosays.article.analysed
        && window.whosays.overlay.host.shadowRoot.querySelector('.message').hidden, null, { timeout: 15000, polling: 100 }).catch(() => {});
    }
    await page.evaluate(() => window.whosays.setMode('all'));
    const state = await page.evaluate(() => {
      const overlay = window.whosays.overlay;
      const article = window.whosays.article;
      const message = overlay.host.shadowRoot.querySelector('.message');
      return {
        article: article ? { ...article, blocks: article.blocks.map(({ kind, text }) => ({ kind, text })) } : null,
        blocks: overlay.blocks.map(({ kind, text }) => ({ kind, text })),
        claims: overlay.claims.map(({ text, status, anchored }) => ({ text, status, anchored })),
        message: message.hidden ? '' : message.textContent,
        loads: performance.getEntriesByType('navigation').length,
        timeOrigin: performance.timeOrigin,
      };
    });
    const highlights = await page.evaluate(READ_HIGHLIGHTS);
    const torn = await page.evaluate(() => {
      window.whosays.destroy();
      return {
        same: document.body.innerHTML === window.__bodyBefore,
        highlights: [...CSS.highlights.keys()].filter((name) => name.startsWith('whosays-')).length,
        numbered: document.querySelectorAll('[data-whosays-n]').length,
      };
    });
    await page.close();
    return { ...state, highlights, torn, local, errors, ms: Date.now() - started };
  }

  before(async () => {
    session = await launch();
    for (const slug of Object.keys(classes)) {
      try {
        runs[slug] = await run(slug);
      } catch (error) {
        runs[slug] = { failed: String(error) };
      }
    }
    // Figures per page: what was sent to the engine, scored against expected.html.
    const figures = {};
    for (const [slug, outcome] of Object.entries(runs)) {
      if (outcome.failed) {
        figures[slug] = { class: classes[slug], failed: outcome.failed };
        continue;
      }
      const blocks = outcome.article ? outcome.article.blocks : outcome.blocks;
      const expected = expectedArticle(slug);
      const figure = score(blocks, expected);
      const rawFigure = score(blocks, expected, { raw: true });
      const outside = outcome.highlights.filter((highlight) => !insideExpected(highlight.text, expected));
      figures[slug] = {
        class: classes[slug],
        found: blocks.length > 0,
        analysed: Boolean(outcome.article && outcome.article.analysed),
        language: outcome.article ? outcome.article.language : null,
        recall: Number(figure.recall.toFixed(3)),
        rawRecall: Number(rawFigure.recall.toFixed(3)),
        precision: Number(figure.precision.toFixed(3)),
        blocks: blocks.length,
        words: figure.words,
        expectedWords: figure.expectedWords,
        claims: outcome.claims.length,
        highlightsOutside: outside.map((highlight) => highlight.text),
        message: outcome.message,
        ms: outcome.ms,
      };
    }
    writeFileSync(path.join(results, 'readability-pages.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const lines = Object.entries(figures).map(([slug, figure]) => (figure.failed ? `${slug}: FAILED ${figure.failed}`
      : `${slug.padEnd(26)} ${figure.class.padEnd(8)} R ${figure.recall.toFixed(3)} P ${figure.precision.toFixed(3)} blocks ${String(figure.blocks).padStart(4)} claims ${String(figure.claims).padStart(3)} outside ${figure.highlightsOutside.length} ${figure.language || ''} ${figure.ms} ms ${figure.message.slice(0, 60)}`));
    console.log(lines.join('\n'));
  });
  after(async () => {
    await session?.close();
  });

  for (const [slug, kind] of Object.entries(classes)) {
    if (kind === 'news' || kind === 'opinion') {
      it(`reads the article and only the article when the page is ${slug}`, () => {
        const outcome = runs[slug];
        assert.equal(outcome.failed, undefined, outcome.failed);
        assert.ok(outcome.article && outcome.article.blocks.length > 0, `no article sent to the engine (${outcome.message})`);
        const figure = score(outcome.article.blocks, expectedArticle(slug));
        assert.ok(figure.recall >= RECALL, `recall ${figure.recall.toFixed(3)}`);
        assert.ok(figure.precision >= PRECISION, `precision ${figure.precision.toFixed(3)}`);
        const expected = expectedArticle(slug);
        const outside = outcome.highlights.filter((highlight) => !insideExpected(highlight.text, expected));
        assert.deepEqual(outside.map((highlight) => highlight.text), []);
        assert.deepEqual(outcome.errors, []);
      });
    } else {
      it(`shows no claims when the page is ${slug} (${kind === 'home' ? 'a home page' : 'not English'})`, () => {
        const outcome = runs[slug];
        assert.equal(outcome.failed, undefined, outcome.failed);
        assert.deepEqual(outcome.claims, []);
        assert.deepEqual(outcome.highlights, []);
        assert.ok(outcome.message.length > 0, 'the panel says why');
        if (kind === 'foreign') assert.match(outcome.message, /English/);
        assert.deepEqual(outcome.errors, []);
      });
    }
  }

  it('analyses seattletimes-1 once its flicker-control style is removed 2 s after load, without a reload', () => {
    const outcome = runs['seattletimes-1'];
    assert.ok(outcome && !outcome.failed, outcome && outcome.failed);
    assert.equal(outcome.loads, 1);
    assert.ok(outcome.article && outcome.article.analysed, 'the article was analysed');
    assert.ok(outcome.ms >= 2000, `${outcome.ms} ms`);
  });

  it('leaves every page as it found it after destroy()', () => {
    for (const [slug, outcome] of Object.entries(runs)) {
      if (outcome.failed) continue;
      assert.equal(outcome.torn.same, true, `${slug}: the body differs`);
      assert.equal(outcome.torn.highlights, 0, slug);
      assert.equal(outcome.torn.numbered, 0, `${slug}: the copy's numbers reached the page`);
    }
  });

  it('asks the server for nothing but the page, its own files and the page\'s own resources', () => {
    for (const [slug, outcome] of Object.entries(runs)) {
      if (outcome.failed) continue;
      // The page's relative images and fonts ask this server too; whosays's own
      // requests are its files under /embed/.
      const html = offlinePage(slug);
      const others = outcome.local.filter((pathname) => pathname !== `/readability/${slug}/`
        && !/^\/embed\/whosays(-worker|-engine|-core)?\.(js|wasm)$/.test(pathname) && !html.includes(pathname.split('/').pop()));
      assert.deepEqual(others, [], slug);
    }
  });
});
