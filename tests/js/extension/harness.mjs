// Test harness for the extension in real Chromium: loads an unpacked build
// with --load-extension (headless works with --headless=new), reaches its
// service worker through Playwright, and reads what the overlay shows.
//
// Two things a headless test can't do as a reader does, and what it does
// instead:
// - Click the toolbar button. The click would grant activeTab; the test
//   calls the worker's own handler (self.whosays.runOnTab) instead, on a
//   copy of the extension whose manifest pre-grants http://127.0.0.1/* so
//   the injection is allowed without the click (withHostPermission()).
// - Answer the permission prompt. chrome.permissions.request for an origin
//   that is already granted resolves true without a prompt, so on the same
//   copy a click in the options page runs the real enableSite() path:
//   request → settings → scripting.registerContentScripts.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const chromiumBuild = path.join(root, 'dist/extension/chromium');
export const firefoxBuild = path.join(root, 'dist/extension/firefox');

export function requireBuild() {
  for (const dir of [chromiumBuild, firefoxBuild]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`${dir}/manifest.json is missing: run npm run build first`);
    }
  }
}

// A temporary copy of the Chromium build whose manifest grants
// http://127.0.0.1/* at install (see above). Returns {dir, remove()}.
export function withHostPermission(source = chromiumBuild) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whosays-extension-'));
  cpSync(source, dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.host_permissions = ['*://127.0.0.1/*'];
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--no-default-browser-check',
];

// Chromium with the unpacked extension at dir. Returns {context, worker,
// extensionId, close()}; worker is the extension's service worker.
export async function launchWithExtension(dir) {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'whosays-profile-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers().find((sw) => sw.url().startsWith('chrome-extension://'))
    ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    // The worker the browser runs now (a new one after a restart).
    async currentWorker() {
      const found = context.serviceWorkers().find((sw) => sw.url().startsWith(`chrome-extension://${extensionId}/`));
      return found ?? context.waitForEvent('serviceworker', { timeout: 15000 });
    },
    async close() {
      await context.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

// What the overlay shows on a page: the text of every highlighted range per
// highlight name (CSS Custom Highlight API), and the panel's summary line.
export async function overlayView(page) {
  return page.evaluate(() => {
    const highlights = {};
    for (const name of ['whosays-attributed', 'whosays-vague', 'whosays-unattributed']) {
      const highlight = globalThis.CSS?.highlights?.get(name);
      highlights[name] = highlight ? [...highlight].map((range) => range.toString()).sort() : [];
    }
    const host = document.querySelector('whosays-overlay');
    const shadow = host?.shadowRoot;
    const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
    return {
      present: Boolean(host),
      highlights,
      summary: shadow?.querySelector('.summary') ? text(shadow.querySelector('.summary')) : null,
      claims: shadow ? [...shadow.querySelectorAll('li.claim')].map(text) : [],
    };
  });
}

// The seed demo page without its script tag, written as seed.html into a new
// folder for the demo server's `fixtures` option: the page the extension runs
// on, next to the demo's own page whose script tag gives the reference.
// Returns {dir, remove()}.
const SCRIPT_TAG = /\s*<script src="\{\{base\}\}\/embed\/whosays\.js" defer><\/script>/;
export function seedFixtures() {
  const html = readFileSync(path.join(root, 'web/demo/pages/seed.html'), 'utf8');
  if (!SCRIPT_TAG.test(html)) throw new Error('web/demo/pages/seed.html no longer carries the script tag these tests remove');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whosays-fixtures-'));
  writeFileSync(path.join(dir, 'seed.html'), html.replace(SCRIPT_TAG, ''));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// In the page: true once the overlay's panel shows a finished analysis, its
// list of claims included (the panel fills the list in a task after the
// frame that shows the highlights and the summary, panel.js afterPaint). For
// page.waitForFunction (Playwright and Puppeteer alike).
export function overlayReady() {
  const shadow = document.querySelector('whosays-overlay')?.shadowRoot;
  const summary = shadow?.querySelector('.summary');
  if (!summary) return false;
  if (/No claims/i.test(summary.textContent)) return true;
  const count = /(\d+)\s+claims?:/i.exec(summary.textContent);
  return Boolean(count) && shadow.querySelectorAll('li.claim').length === Number(count[1]);
}
