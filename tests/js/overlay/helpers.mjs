// Shared set-up for the overlay's Chromium tests: Debian's chromium driven by
// playwright-core, the demo server on 127.0.0.1 (with tests/fixtures/ pages
// at /fixtures/), the overlay bundled for pages that start it by hand, and a
// scripted engine for the overlay-only tests (it finds given phrases; the
// engine's own quality is tested with the real embed on the seed page).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../../web/demo/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const results = path.join(root, 'test-results');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const embedBuilt = existsSync(path.join(root, 'dist/embed/whosays.js'));
export const chromiumMissing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (bash scripts/setup.sh installs it)`;

export async function launch() {
  mkdirSync(results, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const server = await startDemoServer({ root, fixtures: path.join(root, 'tests/fixtures') });
  return {
    browser,
    server,
    url: (relative) => new URL(relative, server.url).href,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

let overlayBundle = null;
// web/overlay/index.js as a classic script defining window.WhosaysOverlay.
export async function overlayScript() {
  if (!overlayBundle) {
    const built = await esbuild.build({
      entryPoints: [path.join(root, 'web/overlay/index.js')],
      bundle: true, format: 'iife', globalName: 'WhosaysOverlay', write: false, target: ['chrome105'],
    });
    overlayBundle = built.outputFiles[0].text;
  }
  return overlayBundle;
}

// Page-side: a scripted engine that reports each phrase found in the blocks as
// a claim with the given fields. Defined in the page as window.phraseEngine.
export const PHRASE_ENGINE = `
window.phraseEngine = (phrases) => ({
  calls: 0,
  async analyze(article) {
    this.calls += 1;
    const claims = [];
    article.blocks.forEach((block, index) => {
      for (const phrase of phrases) {
        const start = block.text.indexOf(phrase.quote);
        if (start === -1) continue;
        claims.push({ block: index, start, end: start + phrase.quote.length, text: phrase.quote,
          kinds: phrase.kinds || ['casualty'], status: phrase.status, source: phrase.source || null,
          cue: phrase.cue || null, quantities: [], explanation: phrase.explanation || 'scripted' });
      }
    });
    return { claims, summary: null };
  },
});`;

// Page-side: every whosays highlight as { name, text, inForm } (text collapsed).
export const READ_HIGHLIGHTS = `(() => {
  const out = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('whosays-')) continue;
    for (const range of highlight) {
      const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      out.push({ name, text: range.toString().replace(/[ \\t\\n\\r\\f]+/g, ' '),
        inForm: Boolean(node.closest('form, #comments, .comments-area, #respond')) });
    }
  }
  return out;
})()`;

// Runs the live page's mutations (tests/fixtures/browser/live.html) for 5 s
// while sampling timer lag every 50 ms, then waits `settleMs`. Long tasks are
// those the page's own observer collected in window.longTasks.
export function mutateAndMeasure(page, settleMs) {
  return page.evaluate(async (settle) => {
    let worstLag = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 50);
      last = now;
    }, 50);
    const mutations = await window.startMutating(5000);
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, settle));
    return { mutations, worstLag, longTasks: window.longTasks || [] };
  }, settleMs);
}
