// Readability's answer kept from one extraction to the next (extract.js,
// createReadabilityMemo), in real Chromium: reused while nothing changed
// (and the blocks read from it while the title's heading and the article's
// head are the same),
// and extracted afresh after a change to the DOM (text, child list,
// attribute) and after a change of style that no mutation shows (a rule
// added through the CSSOM, a media query on a resize, an adopted style
// sheet, a style sheet that loads late). Every extraction with the memo is
// compared with one without it: the same blocks, read from the same nodes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumMissing, launch, overlayScript, PHRASE_ENGINE } from './helpers.mjs';

const SENTENCE = 'The regional governor said the shelling went on through the night and that rescue teams were still searching the ruins of the market on Monday.';

// An article of six paragraphs (#p1 ... #p6) with a page around it.
const PAGE = `<!doctype html><html lang="en"><head><title>Shelling hits market - Example News</title>
<style>
  body { font: 16px/1.5 serif; margin: 0 auto; max-width: 60em; }
  @media (max-width: 700px) { #p4 { display: none; } }
</style></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <main><article>
    <h1>Shelling hits market in the east</h1>
    ${[1, 2, 3, 4, 5, 6].map((n) => `<p id="p${n}">Paragraph ${n}. ${SENTENCE}</p>`).join('\n    ')}
  </article></main>
  <aside><h2>Most read</h2><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li><li><a href="/c">Three</a></li></ul></aside>
  <footer>Example News</footer>
</body></html>`;

// Page-side: one extraction with the page's memo and one without, compared.
const CHECK = `window.check = () => {
  const memo = window.memo;
  const reads = memo.reads;
  const reuses = memo.reuses;
  const blockReuses = memo.blockReuses;
  const kept = WhosaysOverlay.extractArticle(document, { memo });
  const fresh = WhosaysOverlay.extractArticle(document);
  const shape = (x) => JSON.stringify([x.probablyArticle, x.reason, x.title,
    x.blocks.map((b) => [b.kind, b.text, b.segments.map((s) => [s.start, s.end, s.offset])])]);
  const sameNodes = kept.blocks.length === fresh.blocks.length
    && kept.blocks.every((b, i) => b.segments.every((s, j) => s.node === fresh.blocks[i].segments[j].node))
    && kept.roots.length === fresh.roots.length && kept.roots.every((r, i) => r === fresh.roots[i]);
  return {
    same: shape(kept) === shape(fresh) && sameNodes,
    read: memo.reads - reads,
    reused: memo.reuses - reuses,
    kept: memo.blockReuses - blockReuses,
    paragraphs: kept.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text.split('.')[0]),
  };
};`;

const ALL = ['Paragraph 1', 'Paragraph 2', 'Paragraph 3', 'Paragraph 4', 'Paragraph 5', 'Paragraph 6'];
const without = (...gone) => ALL.filter((text) => !gone.includes(text));

describe('Readability\'s answer reused in Chromium', { skip: chromiumMissing }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  async function open() {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.route('**/late.css', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({ status: 200, contentType: 'text/css', body: '#p2 { display: none; }' });
    });
    await page.goto(session.url('/fixtures/pages/wordpress-blog/source.html'));
    await page.setContent(PAGE);
    await page.addScriptTag({ content: await overlayScript() });
    await page.addScriptTag({ content: PHRASE_ENGINE });
    await page.addScriptTag({ content: CHECK });
    await page.evaluate(() => {
      window.memo = WhosaysOverlay.createReadabilityMemo(document);
    });
    return { page, errors };
  }

  // The first extraction reads; the next, with nothing changed, reuses.
  async function settled(page, paragraphs) {
    const first = await page.evaluate(() => window.check());
    assert.deepEqual(first, { same: true, read: 1, reused: 0, kept: 0, paragraphs });
    const again = await page.evaluate(() => window.check());
    assert.deepEqual(again, { same: true, read: 0, reused: 1, kept: 1, paragraphs });
  }

  it('reuses the answer while nothing changes, the overlay\'s panel and highlights included', async () => {
    const { page, errors } = await open();
    await settled(page, ALL);
    for (const fallback of [false, true]) {
      await page.evaluate(async (forceFallbackHighlights) => {
        const engine = window.phraseEngine([{ quote: 'rescue teams were still searching', status: 'vague' }]);
        window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all', collapsed: false, forceFallbackHighlights });
        await window.overlay.analyze();
        window.overlay.next();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      }, fallback);
      assert.equal(await page.evaluate(() => window.overlay.claims.filter((claim) => claim.anchored).length), 6);
      assert.deepEqual(await page.evaluate(() => window.check()), { same: true, read: 0, reused: 1, kept: 1, paragraphs: ALL });
      await page.evaluate(() => window.overlay.destroy());
      assert.deepEqual(await page.evaluate(() => window.check()), { same: true, read: 0, reused: 1, kept: 1, paragraphs: ALL });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reads again after a text, a child list or an attribute changes, at once or after the observer has heard', async () => {
    const { page, errors } = await open();
    await settled(page, ALL);
    // Text, checked in the same task (the observer's records taken at once).
    let result = await page.evaluate(() => {
      document.querySelector('#p3').firstChild.data = 'Changed three. Now the text is different.';
      return window.check();
    });
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: ['Paragraph 1', 'Paragraph 2', 'Changed three', 'Paragraph 4', 'Paragraph 5', 'Paragraph 6'] });
    // A new paragraph, checked after the observer's callback has run.
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Paragraph 7. A seventh paragraph arrives later.';
      document.querySelector('article').appendChild(paragraph);
    });
    await page.waitForTimeout(20);
    result = await page.evaluate(() => window.check());
    assert.equal(result.read, 1);
    assert.equal(result.same, true);
    assert.deepEqual(result.paragraphs.slice(-1), ['Paragraph 7']);
    assert.deepEqual(await page.evaluate(() => window.check()), { ...result, read: 0, reused: 1, kept: 1 });
    // A class Readability and the furniture rules read, but no style: only
    // the observer can tell.
    result = await page.evaluate(() => {
      document.querySelector('#p5').className = 'comment';
      return window.check();
    });
    assert.equal(result.read, 1);
    assert.equal(result.same, true);
    assert.equal(result.paragraphs.includes('Paragraph 5'), false);
    // ... and back.
    result = await page.evaluate(() => {
      document.querySelector('#p5').removeAttribute('class');
      return window.check();
    });
    assert.deepEqual([result.read, result.same, result.paragraphs.includes('Paragraph 5')], [1, true, true]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reads again when a style hides or shows text without any mutation: the CSSOM, a media query, an adopted sheet', async () => {
    const { page, errors } = await open();
    await settled(page, ALL);
    // A rule added to the page's style sheet through the CSSOM.
    let result = await page.evaluate(() => {
      document.querySelector('style').sheet.insertRule('#p3 { visibility: hidden; }', 0);
      return window.check();
    });
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: without('Paragraph 3') });
    assert.deepEqual(await page.evaluate(() => window.check()), { ...result, read: 0, reused: 1, kept: 1 });
    result = await page.evaluate(() => {
      document.querySelector('style').sheet.deleteRule(0);
      return window.check();
    });
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: ALL });
    // A media query: narrower than 700 px hides #p4.
    await page.setViewportSize({ width: 600, height: 900 });
    result = await page.evaluate(() => window.check());
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: without('Paragraph 4') });
    assert.deepEqual(await page.evaluate(() => window.check()), { ...result, read: 0, reused: 1, kept: 1 });
    await page.setViewportSize({ width: 1280, height: 900 });
    result = await page.evaluate(() => window.check());
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: ALL });
    // An adopted style sheet.
    result = await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('#p6 { display: none; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return window.check();
    });
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: without('Paragraph 6') });
    assert.deepEqual(await page.evaluate(() => window.check()), { ...result, read: 0, reused: 1, kept: 1 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reads again when a style sheet that was loading arrives (no mutation when it applies)', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/late.css';
      window.lateSheet = new Promise((resolve) => link.addEventListener('load', resolve));
      document.body.appendChild(link);
    });
    await settled(page, ALL);
    const result = await page.evaluate(async () => {
      await window.lateSheet;
      return window.check();
    });
    assert.deepEqual(result, { same: true, read: 1, reused: 0, kept: 0, paragraphs: without('Paragraph 2') });
    assert.deepEqual(await page.evaluate(() => window.check()), { ...result, read: 0, reused: 1, kept: 1 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reads the blocks again when the article\'s head or the title\'s heading changes with no mutation and the same sight check', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      window.kinds = () => WhosaysOverlay.extractArticle(document).blocks.map((b) => b.kind).join();
      // content-visibility: hidden hides what is inside an element from a
      // reader (checkVisibility), while the sight check, which reads each
      // element's own style, still sees the element itself.
      window.toggle = (id, hide) => {
        const sheet = document.querySelector('style').sheet;
        if (hide) sheet.insertRule(`#${id} { content-visibility: hidden; }`, 0);
        else sheet.deleteRule(0);
        return { ...window.check(), kinds: window.kinds() };
      };
    });
    const counts = (result) => [result.same, result.read, result.reused, result.kept];
    // A dateline in the article's head (before the body's first text).
    let result = await page.evaluate(() => {
      document.querySelector('article h1').insertAdjacentHTML('beforebegin', '<div id="meta"><span class="dateline">26 November 2026, 09:14</span></div>');
      return { ...window.check(), kinds: window.kinds() };
    });
    assert.deepEqual(counts(result), [true, 1, 0, 0]);
    const shown = result.kinds;
    result = await page.evaluate(() => window.toggle('meta', true));
    assert.deepEqual(counts(result), [true, 0, 1, 0]);
    assert.equal(result.kinds, shown.replace(/^paragraph,/, ''));
    result = await page.evaluate(() => window.toggle('meta', false));
    assert.deepEqual([...counts(result), result.kinds], [true, 0, 1, 0, shown]);
    assert.deepEqual(counts(await page.evaluate(() => window.check())), [true, 0, 1, 1]);
    // The live headline outside the article (none inside it).
    result = await page.evaluate(() => {
      document.querySelector('article h1').remove();
      document.querySelector('main').insertAdjacentHTML('beforebegin', '<div id="top"><h1>Shelling hits market - Example News</h1></div>');
      return { ...window.check(), kinds: window.kinds() };
    });
    assert.deepEqual(counts(result), [true, 1, 0, 0]);
    assert.match(result.kinds, /^title,/);
    result = await page.evaluate(() => window.toggle('top', true));
    assert.deepEqual(counts(result), [true, 0, 1, 0]);
    assert.doesNotMatch(result.kinds, /title/);
    result = await page.evaluate(() => window.toggle('top', false));
    assert.deepEqual(counts(result), [true, 0, 1, 0]);
    assert.match(result.kinds, /^title,/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reuses nothing when the page replaced MutationObserver with one that reports nothing, or one that throws', async () => {
    const { page, errors } = await open();
    const silent = await page.evaluate(() => {
      const saved = window.MutationObserver;
      window.MutationObserver = class {
        observe() {}
        disconnect() {}
        takeRecords() {
          return [];
        }
      };
      window.memo = WhosaysOverlay.createReadabilityMemo(document);
      window.MutationObserver = saved;
      const results = [window.check(), window.check()];
      document.querySelector('#p3').firstChild.data = 'Changed three. Now the text is different.';
      results.push(window.check());
      return results;
    });
    assert.deepEqual(silent.map((result) => [result.same, result.read, result.reused, result.kept]), [[true, 1, 0, 0], [true, 1, 0, 0], [true, 1, 0, 0]]);
    assert.equal(silent[2].paragraphs[2], 'Changed three');
    const throwing = await page.evaluate(async () => {
      const saved = window.MutationObserver;
      window.MutationObserver = class {
        constructor() {
          throw new Error('no observers here');
        }
      };
      try {
        const memo = WhosaysOverlay.createReadabilityMemo(document);
        const engine = window.phraseEngine([{ quote: 'rescue teams were still searching', status: 'vague' }]);
        const overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all' });
        await overlay.analyze();
        await overlay.analyze();
        const claims = overlay.claims.length;
        overlay.destroy();
        return { memo, claims, calls: engine.calls };
      } finally {
        window.MutationObserver = saved;
      }
    });
    // Five: #p3 no longer holds the phrase.
    assert.deepEqual(throwing, { memo: null, claims: 5, calls: 2 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is what the overlay uses: a second analyze() with nothing changed copies the page no more, a change makes it', async () => {
    const { page, errors } = await open();
    const copies = await page.evaluate(async () => {
      // readableCopy is the only caller of document.cloneNode.
      let copies = 0;
      const clone = document.cloneNode;
      document.cloneNode = function cloneNode(...args) {
        copies += 1;
        return clone.apply(this, args);
      };
      const engine = window.phraseEngine([{ quote: 'rescue teams were still searching', status: 'vague' }]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all', live: false });
      const counts = [];
      await window.overlay.analyze();
      counts.push(copies);
      await window.overlay.analyze();
      counts.push(copies);
      document.querySelector('#p1').firstChild.data = 'Changed one. The rescue teams were still searching.';
      await window.overlay.analyze();
      counts.push(copies, engine.calls, window.overlay.claims.length);
      return counts;
    });
    assert.deepEqual(copies, [1, 1, 2, 3, 6]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
