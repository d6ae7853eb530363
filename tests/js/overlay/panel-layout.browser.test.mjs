// The panel never hides what it points at, on a real page (wapo-1 from
// ../shared/pages/readability/, served offline) with the script tag and the
// real engine, at 1280×800, 1920×1080 and 390×844 (a phone, touch): after
// each next() the selected highlight and its card are in the viewport and
// clear of the panel. Screenshots go to test-results/panel-<size>.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromiumMissing, embedBuilt, launch, results } from './helpers.mjs';
import { pagesMissing, routeOffline } from './readability-pages.mjs';
import { HIGHLIGHT_CSS, STATUSES } from '../../../web/overlay/highlight.js';

const skip = chromiumMissing || pagesMissing || (!embedBuilt && 'dist/embed is missing: run npm run build');
const SLUG = 'wapo-1';
const STEPS = 6;

const VIEWPORTS = [
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: '390x844', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

// Page-side: the selected highlight's, the panel's and the card's boxes.
const MEASURE = `(() => {
  const overlay = window.whosays.overlay;
  const shadow = overlay.host.shadowRoot;
  const box = (r) => r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  const panel = shadow.querySelector('.panel');
  const card = shadow.querySelector('.card');
  const claim = overlay.claims[overlay.active];
  return {
    active: overlay.active,
    text: claim && claim.text,
    claim: claim && claim.range ? box(claim.range.getBoundingClientRect()) : null,
    panel: panel.hidden ? null : box(panel.getBoundingClientRect()),
    card: card.hidden ? null : box(card.getBoundingClientRect()),
    placement: shadow.querySelector('.whosays').dataset.placement,
    viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
  };
})()`;

const intersects = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (box, viewport) => box.left >= 0 && box.top >= 0 && box.right <= viewport.width + 0.5 && box.bottom <= viewport.height + 0.5;

describe('panel layout on a real page', { skip }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  // Opens wapo-1 offline, or `path` of the demo server (a styled page).
  async function open({ viewport, isMobile = false, hasTouch = false }, path = null) {
    const context = await session.browser.newContext({ viewport, isMobile, hasTouch, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const url = path ? session.url(path) : (await routeOffline(page, session.server, SLUG)).url;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.whosays && window.whosays.result, null, { timeout: 30000 });
    await page.evaluate(() => {
      window.whosays.setMode('all');
      window.whosays.open();
    });
    return { context, page };
  }

  const CASES = [
    ...VIEWPORTS.map((viewport) => ({ ...viewport, label: `${SLUG} at ${viewport.name}`, shot: `panel-${viewport.name}.png` })),
    // The seed demo page has a style sheet: its text column leaves the panel room.
    { ...VIEWPORTS[0], path: '/seed', label: 'the seed demo page at 1280x800', shot: 'panel-seed-1280x800.png' },
  ];

  for (const { name, label, shot, path: pagePath, ...setting } of CASES) {
    it(`keeps each selected claim and its card in view and clear of the panel when the page is ${label}`, async () => {
      const { context, page } = await open(setting, pagePath);
      const flags = await page.evaluate(() => window.whosays.overlay.claims.filter((claim) => claim.anchored && claim.status !== 'attributed').length);
      assert.ok(flags >= 2, `${label}: ${flags} flags`);
      const seen = new Set();
      for (let step = 0; step < Math.min(STEPS, flags); step++) {
        await page.evaluate(() => window.whosays.next());
        const state = await page.evaluate(MEASURE);
        seen.add(state.active);
        const where = `${name} step ${step} (${state.placement}): "${state.text}" ${JSON.stringify(state)}`;
        assert.ok(state.claim && state.panel && state.card, where);
        assert.ok(inside(state.claim, state.viewport), `highlight outside the viewport at ${where}`);
        assert.ok(!intersects(state.claim, state.panel), `highlight under the panel at ${where}`);
        assert.ok(inside(state.card, state.viewport), `card outside the viewport at ${where}`);
        assert.ok(!intersects(state.card, state.panel), `card over the panel at ${where}`);
        assert.ok(!intersects(state.card, state.claim), `card over its claim at ${where}`);
        if (step === 0) await page.screenshot({ path: path.join(results, shot) });
      }
      assert.ok(seen.size >= 2, 'next() moved on');
      // A phone has no keyboard to hint at.
      const keys = await page.evaluate(() => getComputedStyle(window.whosays.overlay.host.shadowRoot.querySelector('.keys')).display);
      assert.equal(keys === 'none', Boolean(setting.hasTouch), `key hints display: ${keys}`);
      await context.close();
    });
  }

  it('leaves the next line untouched when a claim on the line above is highlighted at line-height 1.2', async () => {
    const page = await session.browser.newPage({ viewport: { width: 600, height: 300 }, deviceScaleFactor: 2 });
    await page.setContent(`<!doctype html><html><head><style>${HIGHLIGHT_CSS}</style></head><body>
      <p id="text" style="font: 18px/1.2 serif; width: 320px; margin: 40px">Gunmen killed many people at the gate, and nobody quite saw why, they reported; the quiet yard gave up its dying by night.</p></body></html>`);
    for (const status of STATUSES) {
      const clip = await page.evaluate((name) => {
        const node = document.getElementById('text').firstChild;
        const range = new Range();
        range.setStart(node, 0);
        range.setEnd(node, node.data.indexOf(' at the gate'));
        const all = new Range();
        all.selectNodeContents(node);
        const lines = [...all.getClientRects()];
        const first = range.getClientRects()[0];
        const next = lines.find((rect) => rect.top >= first.bottom - 1);
        window.highlightRange = range;
        CSS.highlights.clear();
        // The next line's own box (its glyphs' content area): an underline
        // reaching into it reads as a mark on that line.
        return { x: next.left, y: Math.ceil(next.top), width: 320, height: Math.floor(next.bottom - Math.ceil(next.top)), name };
      }, `whosays-${status}`);
      const { name, ...area } = clip;
      const plain = await page.screenshot({ clip: area });
      await page.evaluate((key) => CSS.highlights.set(key, new Highlight(window.highlightRange)), name);
      const marked = await page.screenshot({ clip: area });
      if (status === 'unattributed') await page.screenshot({ path: path.join(results, 'highlights-line-height-1.2.png'), clip: { x: 30, y: 30, width: 360, height: 120 } });
      assert.ok(plain.equals(marked), `${status}: its underline reaches into the next line`);
    }
    await page.close();
  });

  it('shows a filter with nothing to filter as disabled', async () => {
    const { context, page } = await open(VIEWPORTS[0]);
    const chips = await page.evaluate(() => [...window.whosays.overlay.host.shadowRoot.querySelectorAll('.chip[data-status]')]
      .map((chip) => ({ text: chip.textContent, disabled: chip.disabled, opacity: getComputedStyle(chip).opacity })));
    for (const chip of chips) {
      const empty = /\s0\s/.test(chip.text);
      assert.equal(chip.disabled, empty, chip.text);
      assert.equal(Number(chip.opacity) < 1, empty, `${chip.text}: opacity ${chip.opacity}`);
    }
    await context.close();
  });
});
