// The script tag and the overlay on pages that get in their way, in real
// Chromium: an element named like the API, a tear-down before the start or
// during it, a polluted Object.prototype, a missing MutationObserver. Each
// case must still run, or leave the page as it found it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumMissing, embedBuilt, launch, overlayScript, PHRASE_ENGINE } from './helpers.mjs';

const skip = chromiumMissing || (!embedBuilt && 'dist/embed is missing: run npm run build');

describe('script tag on hostile pages in Chromium', { skip }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  async function newPage() {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    return { page, errors };
  }

  const settled = (page) => page.waitForFunction(() => window.whosays && window.whosays.version && (window.whosays.result
    || (window.whosays.overlay && !window.whosays.overlay.host.shadowRoot.querySelector('.message').hidden)), null, { timeout: 20000 });

  it('starts when the page has an element with id="whosays"', async () => {
    const { page, errors } = await newPage();
    await page.goto(session.url('/fixtures/browser/named-element.html'));
    await settled(page);
    const state = await page.evaluate(() => ({
      claims: window.whosays.result?.claims.length ?? -1,
      element: document.getElementById('whosays').textContent,
    }));
    assert.ok(state.claims > 0, `${state.claims} claims`);
    assert.match(state.element, /valley's own newspaper/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('never starts when the page destroys it before DOMContentLoaded', async () => {
    const { page, errors } = await newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(session.url('/fixtures/browser/early-destroy.html'));
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      hosts: document.querySelectorAll('whosays-overlay').length,
      overlay: window.whosays.overlay,
      highlights: [...CSS.highlights.keys()],
    }));
    assert.deepEqual(state, { hosts: 0, overlay: null, highlights: [] });
    assert.deepEqual(requests.filter((url) => /whosays-(worker|engine|core)/.test(url)), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("stops the engine's worker when destroyed while the engine is starting", async () => {
    const { page, errors } = await newPage();
    const workers = [];
    page.on('worker', (worker) => {
      const entry = { url: worker.url(), closed: false };
      workers.push(entry);
      worker.on('close', () => {
        entry.closed = true;
      });
    });
    await page.goto(session.url('/fixtures/browser/manual.html'));
    const outcome = await page.evaluate(async () => {
      const analysis = window.whosays.analyze().then(() => 'resolved', (error) => `rejected: ${error.message}`);
      // Let the worker be created, then tear down before it is ready.
      await new Promise((resolve) => setTimeout(resolve, 0));
      window.whosays.destroy();
      return Promise.race([analysis, new Promise((resolve) => setTimeout(() => resolve('pending'), 5000))]);
    });
    await page.waitForTimeout(1000);
    assert.equal(workers.length, 1, JSON.stringify(workers));
    assert.equal(workers[0].closed, true, 'the worker still runs after destroy()');
    assert.match(outcome, /^rejected: whosays: the engine was stopped/);
    assert.equal(await page.evaluate(() => document.querySelectorAll('whosays-overlay').length), 0);
    // analyze() afterwards starts afresh.
    assert.ok(await page.evaluate(async () => (await window.whosays.analyze()).claims.length) > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  // The engine's script itself loads, and analyses: the engine passes JSON
  // text through two C functions (no embind, whose value objects were read
  // with for...in, which the page's property joined).
  it('loads the main-thread engine script when the page adds enumerable properties to Object.prototype', async () => {
    const { page } = await newPage();
    await page.addInitScript(() => {
      // As old libraries did: every for...in loop now sees this.
      Object.prototype.extend = 'not a function';
    });
    await page.goto(session.url('/csp-noworker/seed'));
    await settled(page);
    const state = await page.evaluate(() => ({
      mode: window.whosays.engineMode,
      engine: typeof window.whosaysEngine?.createAnalyzer,
      message: window.whosays.overlay.host.shadowRoot.querySelector('.message').textContent,
    }));
    assert.equal(state.mode, 'main-thread');
    assert.equal(state.engine, 'function');
    assert.doesNotMatch(state.message, /did not define the engine/);
    assert.doesNotMatch(state.message, /could not analyse/);
    await page.close();
  });
});

describe('overlay on hostile pages in Chromium', { skip: chromiumMissing }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  it('analyses without live updates, and leaves the page as it was, when the page has no MutationObserver', async () => {
    const page = await session.browser.newPage();
    await page.route('**/embed/**', (route) => route.abort());
    await page.goto(session.url('/fixtures/browser/manual.html'));
    await page.addScriptTag({ content: await overlayScript() });
    await page.addScriptTag({ content: PHRASE_ENGINE });
    const state = await page.evaluate(async () => {
      const before = document.body.innerHTML;
      const saved = window.MutationObserver;
      window.MutationObserver = undefined;
      let overlay;
      let created;
      try {
        overlay = WhosaysOverlay.createOverlay({ engine: window.phraseEngine([{ quote: 'three people died', status: 'attributed' }]) });
        created = 'created';
      } catch (error) {
        created = `threw: ${error.message}`;
      } finally {
        window.MutationObserver = saved;
      }
      const left = { hosts: document.querySelectorAll('whosays-overlay').length, sheets: document.adoptedStyleSheets.length };
      const claims = overlay ? (await overlay.analyze()).claims.length : -1;
      overlay?.destroy();
      return { created, left, claims, same: document.body.innerHTML === before, sheets: document.adoptedStyleSheets.length };
    });
    assert.equal(state.created, 'created');
    assert.equal(state.claims, 1);
    assert.equal(state.same, true);
    assert.equal(state.sheets, 0);
    await page.close();
  });
});
