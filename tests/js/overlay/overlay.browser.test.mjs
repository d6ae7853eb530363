// The overlay in real Chromium with a scripted engine (it reports given
// phrases as claims), so these tests judge the overlay alone: highlights,
// hostile text, live pages, keyboard, tear-down, the fallback painter.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromiumMissing, launch, mutateAndMeasure, overlayScript, PHRASE_ENGINE, READ_HIGHLIGHTS, results } from './helpers.mjs';

describe('overlay in Chromium', { skip: chromiumMissing }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  // Opens `page` with the embed blocked, the overlay bundle and the scripted engine loaded.
  async function open(relative) {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.route('**/embed/**', (route) => route.abort());
    await page.goto(session.url(relative));
    await page.addScriptTag({ content: await overlayScript() });
    await page.addScriptTag({ content: PHRASE_ENGINE });
    return { page, errors };
  }

  it('highlights exactly the claims and nothing in comments when the page is a blog layout', async () => {
    const { page, errors } = await open('/fixtures/pages/wordpress-blog/source.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    const claims = await page.evaluate(async () => {
      const engine = window.phraseEngine([
        { quote: 'Three people died when the river burst its banks', status: 'attributed', source: 'county coroner' },
        { quote: 'Several others were reportedly missing', status: 'vague', cue: 'reportedly' },
        { quote: 'ten people drowned', status: 'attributed' },
        { quote: 'Police said five people died', status: 'attributed' },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all' });
      const result = await window.overlay.analyze();
      return result.claims.map((claim) => claim.text);
    });
    assert.deepEqual(claims, ['Three people died when the river burst its banks', 'Several others were reportedly missing']);
    const highlights = await page.evaluate(READ_HIGHLIGHTS);
    assert.deepEqual(highlights.map((h) => [h.name, h.text]).sort(), [
      ['whosays-attributed', 'Three people died when the river burst its banks'],
      ['whosays-vague', 'Several others were reportedly missing'],
    ]);
    assert.equal(highlights.some((h) => h.inForm), false);
    await page.evaluate(() => window.overlay.destroy());
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows markup in article text as text and runs none of it when the text looks like HTML', async () => {
    const { page, errors } = await open('/fixtures/browser/hostile.html');
    await page.evaluate(async () => {
      const engine = window.phraseEngine([
        { quote: 'Police said 5 people were killed <img src=x onerror="window.__pwned=\'img\'">', status: 'attributed', source: '<img src=x onerror="window.__pwned=\'source\'">' },
        { quote: '<script>window.__pwned = "script"</script> 12 soldiers were wounded', status: 'unattributed', cue: '<script>window.__pwned="cue"</script>' },
        { quote: 'Casualties were reported <b onmouseover="window.__pwned=\'b\'">on both sides</b>', status: 'vague', explanation: '<img src=y onerror="window.__pwned=\'explanation\'">' },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all', collapsed: false });
      await window.overlay.analyze();
      window.overlay.next();
    });
    await page.mouse.move(300, 300);
    await page.waitForTimeout(300);
    const report = await page.evaluate(() => {
      const shadow = window.overlay.host.shadowRoot;
      return {
        pwned: window.__pwned,
        elements: shadow.querySelectorAll('img, script, b[onmouseover]').length,
        quotes: [...shadow.querySelectorAll('.claim .quote')].map((node) => node.textContent),
        sources: [...shadow.querySelectorAll('.claim .source')].map((node) => node.textContent),
        pageImages: document.querySelectorAll('img').length,
      };
    });
    assert.equal(report.pwned, undefined);
    assert.equal(report.elements, 0);
    assert.equal(report.pageImages, 0);
    assert.ok(report.quotes[0].includes('<img src=x onerror='), report.quotes[0]);
    assert.ok(report.quotes[1].includes('<script>window.__pwned'), report.quotes[1]);
    assert.ok(report.sources[0].includes('<img src=x'), report.sources[0]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('stays responsive and ends with correct highlights when a paragraph changes every 10 ms for 5 s', async () => {
    const { page, errors } = await open('/fixtures/browser/live.html');
    await page.evaluate(async () => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration)))
        .observe({ type: 'longtask', buffered: false });
      window.engine = window.phraseEngine([
        { quote: 'Officials said 14 people were killed', status: 'attributed', source: 'Officials' },
        { quote: 'Casualties were reported on both sides', status: 'vague' },
        { quote: '3 medics were wounded', status: 'attributed', source: 'the Red Cross' },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine: window.engine, mode: 'all' });
      await window.overlay.analyze();
    });
    const callsBefore = await page.evaluate(() => window.engine.calls);
    // Main-thread responsiveness while it mutates: timer lag and long tasks.
    const stats = await mutateAndMeasure(page, 1500);
    const end = await page.evaluate(() => ({
      calls: window.engine.calls,
      longTasks: window.longTasks,
      claims: window.overlay.claims.map((claim) => claim.text),
    }));
    const highlights = await page.evaluate(READ_HIGHLIGHTS);
    const analyses = end.calls - callsBefore;
    console.log(`live page: ${stats.mutations} mutations, ${analyses} analyses, worst timer lag ${stats.worstLag.toFixed(1)} ms, long tasks ${JSON.stringify(end.longTasks.map(Math.round))}`);
    assert.ok(stats.mutations > 200, `only ${stats.mutations} mutations ran: the page was starved`);
    assert.ok(analyses >= 2 && analyses <= 12, `${analyses} analyses for 5 s of mutations`);
    // Bounds loose enough for a loaded 2-core machine; an overlay that
    // re-extracted on every mutation would blow through them.
    assert.ok(stats.worstLag < 500, `timer lag reached ${stats.worstLag} ms`);
    assert.ok(end.longTasks.every((duration) => duration < 200), `long tasks: ${end.longTasks}`);
    assert.ok(end.longTasks.reduce((sum, duration) => sum + duration, 0) < 500, `long tasks: ${end.longTasks}`);
    assert.deepEqual(end.claims, ['Officials said 14 people were killed', 'Casualties were reported on both sides', '3 medics were wounded']);
    assert.deepEqual(highlights.map((h) => h.text).sort(), [...end.claims].sort());
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('moves between flags with Alt+Shift+N / P and j / k, and returns focus when closed', async () => {
    const { page } = await open('/fixtures/pages/newspaper-schema/source.html');
    await page.evaluate(async () => {
      const engine = window.phraseEngine([
        { quote: 'The health ministry said 14 people were killed', status: 'attributed', source: 'health ministry' },
        { quote: 'local officials put the toll at 20', status: 'vague' },
        { quote: 'The army blamed rebels', status: 'attributed', source: 'army', kinds: ['responsibility'] },
        { quote: 'The attackers fled', status: 'unattributed', kinds: ['responsibility'] },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'flags' });
      await window.overlay.analyze();
    });
    const active = () => page.evaluate(() => window.overlay.claims[window.overlay.active]?.text ?? null);
    await page.keyboard.press('Alt+Shift+N');
    assert.equal(await active(), 'local officials put the toll at 20');
    assert.equal(await page.evaluate(() => !window.overlay.host.shadowRoot.querySelector('.card').hidden), true);
    await page.keyboard.press('Alt+Shift+N');
    assert.equal(await active(), 'The attackers fled');
    await page.keyboard.press('Alt+Shift+N');
    assert.equal(await active(), 'local officials put the toll at 20', 'wraps round to the first flag');
    await page.keyboard.press('Alt+Shift+P');
    assert.equal(await active(), 'The attackers fled');

    // Open from the launcher with the keyboard, walk the list with j/k, close with Escape.
    await page.evaluate(() => window.overlay.host.shadowRoot.querySelector('.launcher').focus());
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => {
      const element = window.overlay.host.shadowRoot.activeElement;
      return element ? (element.className || element.localName) + (element.dataset.index ? `#${element.dataset.index}` : '') : null;
    });
    assert.equal(await focused(), 'h2');
    assert.equal(await page.evaluate(() => window.overlay.host.shadowRoot.querySelector('[role=dialog]').getAttribute('aria-labelledby')), 'whosays-heading');
    await page.evaluate(() => window.overlay.host.shadowRoot.querySelector('.claim:not([hidden])').focus());
    await page.keyboard.press('j');
    assert.equal(await active(), 'The attackers fled');
    assert.match(await focused(), /claim#3/);
    await page.keyboard.press('k');
    assert.equal(await active(), 'local officials put the toll at 20');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.overlay.host.shadowRoot.querySelector('.panel').hidden), true);
    assert.equal(await focused(), 'launcher');
    await page.evaluate(() => window.overlay.destroy());
    await page.close();
  });

  it('shows the card of a highlight when the pointer rests on it', async () => {
    const { page } = await open('/fixtures/pages/newspaper-schema/source.html');
    const point = await page.evaluate(async () => {
      const engine = window.phraseEngine([
        { quote: 'local officials put the toll at 20', status: 'vague', explanation: 'Which officials is not said.' },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all' });
      await window.overlay.analyze();
      const rect = window.overlay.claims[0].range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const card = () => page.evaluate(() => {
      const node = window.overlay.host.shadowRoot.querySelector('.card');
      return node.hidden ? null : node.textContent;
    });
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => !window.overlay.host.shadowRoot.querySelector('.card').hidden, null, { timeout: 2000 });
    assert.match(await card(), /local officials put the toll at 20.*Which officials is not said\./s);
    await page.mouse.move(5, point.y + 300);
    await page.waitForFunction(() => window.overlay.host.shadowRoot.querySelector('.card').hidden, null, { timeout: 2000 });
    await page.evaluate(() => window.overlay.destroy());
    await page.close();
  });

  it('tears itself down when its AbortSignal is aborted', async () => {
    const { page } = await open('/fixtures/pages/wire-service/source.html');
    const state = await page.evaluate(async () => {
      const before = document.body.innerHTML;
      const controller = new AbortController();
      const engine = window.phraseEngine([{ quote: 'Authorities blamed poor building standards', status: 'attributed', kinds: ['responsibility'] }]);
      const overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all', signal: controller.signal });
      await overlay.analyze();
      const during = [...CSS.highlights.keys()].length;
      controller.abort();
      // A change after tear-down must not wake it.
      const extra = document.createTextNode(' More text.');
      document.querySelector('.article-text p').appendChild(extra);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      extra.remove();
      return { during, destroyed: overlay.destroyed, calls: engine.calls, highlights: [...CSS.highlights.keys()].length,
        same: document.body.innerHTML === before };
    });
    assert.equal(state.during, 1);
    assert.equal(state.destroyed, true);
    assert.equal(state.highlights, 0);
    assert.equal(state.calls, 1, 'no analysis after tear-down');
    assert.equal(state.same, true);
    await page.close();
  });

  it('re-runs the analysis when a single-page app navigates', async () => {
    const { page } = await open('/fixtures/pages/wire-service/source.html');
    await page.evaluate(async () => {
      window.engine = window.phraseEngine([
        { quote: 'The death toll from Sunday\'s earthquake rose to 57', status: 'attributed', source: 'disaster agency' },
        { quote: 'Two ferries sank', status: 'unattributed' },
      ]);
      window.overlay = WhosaysOverlay.createOverlay({ engine: window.engine, mode: 'all' });
      await window.overlay.analyze();
      history.pushState({}, '', '/fixtures/pages/wire-service/next');
      document.querySelector('.article-text').innerHTML = '<p>Two ferries sank in the storm overnight, leaving the harbour closed to all traffic for the rest of the week.</p><p>Divers searched the wrecks for survivors and cargo through the day, and port officials counted the cost of the damage to the quays and the boats moored along them.</p>';
    });
    await page.waitForFunction(() => window.overlay.claims.length === 1 && window.overlay.claims[0].text === 'Two ferries sank', null, { timeout: 5000 });
    const highlights = await page.evaluate(READ_HIGHLIGHTS);
    assert.deepEqual(highlights.map((h) => h.text), ['Two ferries sank']);
    await page.evaluate(() => window.overlay.destroy());
    await page.close();
  });

  it('reads again when a hidden "read more" part is shown and when a style hiding the body is removed', async () => {
    const { page } = await open('/fixtures/pages/wire-service/source.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.evaluate(async () => {
      // The rest of the story, hidden until "read more" (a class change).
      const more = document.createElement('div');
      more.className = 'read-more-collapsed';
      more.innerHTML = '<p>Two ferries sank in the storm overnight, leaving the harbour closed to all traffic for the rest of the week, port officials said.</p>';
      document.querySelector('.article-text').appendChild(more);
      const style = document.createElement('style');
      style.textContent = '.read-more-collapsed { display: none; }';
      document.head.appendChild(style);
      window.more = more;
      window.engine = window.phraseEngine([{ quote: 'Two ferries sank', status: 'unattributed' }]);
      window.overlay = WhosaysOverlay.createOverlay({ engine: window.engine, mode: 'all' });
      await window.overlay.analyze();
    });
    const claims = () => page.evaluate(() => window.overlay.claims.map((claim) => claim.text));
    assert.deepEqual(await claims(), [], 'hidden text is not read');
    await page.evaluate(() => window.more.classList.remove('read-more-collapsed'));
    await page.waitForFunction(() => window.overlay.claims.length === 1, null, { timeout: 5000 });
    assert.deepEqual(await claims(), ['Two ferries sank']);

    // A flicker-control style hides the whole body, then goes.
    await page.evaluate(() => {
      const hider = document.createElement('style');
      hider.id = 'flicker';
      hider.textContent = 'body { visibility: hidden !important; }';
      document.head.appendChild(hider);
    });
    await page.waitForFunction(() => window.overlay.article && !window.overlay.article.found, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.overlay.article.reason), 'hidden');
    await page.evaluate(() => document.getElementById('flicker').remove());
    await page.waitForFunction(() => window.overlay.article.analysed && window.overlay.claims.length === 1, null, { timeout: 5000 });
    const article = await page.evaluate(() => window.overlay.article);
    assert.equal(article.language, 'en');
    assert.ok(article.blocks.some((block) => block.text.startsWith('Two ferries sank')));
    await page.evaluate(() => {
      window.overlay.destroy();
      window.more.remove();
      document.head.querySelectorAll('style').forEach((style) => style.remove());
    });
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
    await page.close();
  });

  it('sets the highlights first and fills the list after their frame, or at once when the panel opens', async () => {
    const { page, errors } = await open('/fixtures/pages/wordpress-blog/source.html');
    const state = await page.evaluate(async () => {
      const engine = window.phraseEngine([
        { quote: 'Three people died when the river burst its banks', status: 'attributed', source: 'county coroner' },
        { quote: 'Several others were reportedly missing', status: 'vague', cue: 'reportedly' },
      ]);
      const count = () => window.overlay.host.shadowRoot.querySelectorAll('.claim').length;
      const highlighted = () => [...CSS.highlights.keys()].filter((name) => name.startsWith('whosays-')).length;
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all' });
      const atResult = {};
      window.overlay.addEventListener('result', () => Object.assign(atResult, { items: count(), highlights: highlighted() }), { once: true });
      await window.overlay.analyze();
      const atAnswer = count();
      const summary = window.overlay.host.shadowRoot.querySelector('.summary').textContent;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const afterFrame = count();
      // A new result while the panel opens: its list at once.
      await window.overlay.analyze();
      window.overlay.open();
      const onOpen = count();
      window.overlay.destroy();
      return { atResult, atAnswer, summary, afterFrame, onOpen };
    });
    assert.deepEqual(state.atResult, { items: 0, highlights: 2 });
    assert.equal(state.atAnswer, 0);
    assert.notEqual(state.summary, 'Not analysed yet');
    assert.equal(state.afterFrame, 2);
    assert.equal(state.onOpen, 2);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws boxes in its shadow root when the browser has no CSS Custom Highlight API', async () => {
    const { page } = await open('/fixtures/pages/tabloid-consent/source.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    const marks = await page.evaluate(async () => {
      const engine = window.phraseEngine([{ quote: 'Police said 12 people were feared dead 🚌 and 20 were hurt', status: 'attributed', source: 'Police' }]);
      window.overlay = WhosaysOverlay.createOverlay({ engine, mode: 'all', forceFallbackHighlights: true });
      await window.overlay.analyze();
      return window.overlay.host.shadowRoot.querySelectorAll('.mark[data-status="attributed"]').length;
    });
    assert.ok(marks >= 1, `${marks} boxes`);
    assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('whosays-')).length), 0);
    await page.screenshot({ path: path.join(results, 'overlay-fallback.png') });
    await page.evaluate(() => window.overlay.destroy());
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
    await page.close();
  });
});
