// The Firefox build in real Firefox (Debian's firefox-esr, driven over
// WebDriver BiDi by puppeteer-core; Playwright can't drive a stock Firefox).
// Skipped, saying why, where Firefox is not installed.
//
// WebDriver BiDi may not open moz-extension:// pages, so this test can't
// reach the popup or the background script as the Chromium test does.
// Instead its copy of the build declares the content script statically for
// 127.0.0.1 — the manifest form of what scripting.registerContentScripts
// does for a site the reader turned on — so the page runs whosays by itself:
// the content script bundle, its messages to the background script and the
// engine there, on a page whose CSP forbids WebAssembly.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer } from '../../../web/demo/serve.mjs';
import {
  firefoxBuild, overlayReady, overlayView, requireBuild, root, seedFixtures, withHostPermission,
} from './harness.mjs';

const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((file) => file && existsSync(file));

async function waitForResult(page) {
  await page.waitForFunction(overlayReady, { timeout: 20000 });
  return overlayView(page);
}

describe('extension in Firefox', { timeout: 120000, skip: firefox ? false : 'Firefox is not installed (apt-get install firefox-esr)' }, () => {
  let demo;
  let fixtures;
  let extension;
  let browser;

  before(async () => {
    requireBuild();
    const { default: puppeteer } = await import('puppeteer-core');
    fixtures = seedFixtures();
    demo = await startDemoServer({ fixtures: fixtures.dir });
    extension = withHostPermission(firefoxBuild);
    const manifestFile = path.join(extension.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.content_scripts = [{ matches: ['*://127.0.0.1/*'], js: ['autorun.js', 'content.js'], run_at: 'document_idle' }];
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true });
    await browser.installExtension(extension.dir);
  });

  after(async () => {
    await browser?.close();
    extension?.remove();
    await demo?.close();
    fixtures?.remove();
  });

  it('runs on a page whose CSP forbids WebAssembly and shows what the script tag shows', async () => {
    const tagPage = await browser.newPage();
    await tagPage.goto(`${demo.url}seed`);
    // The script tag's page is also on 127.0.0.1, so the extension starts
    // there too; read the script tag's own result before that matters.
    const reference = await waitForResult(tagPage);
    await tagPage.close();

    const page = await browser.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(`${demo.url}csp-strict/fixtures/seed.html`);
    assert.equal(response.headers()['content-security-policy'], "script-src 'self'");
    const view = await waitForResult(page);
    assert.ok(view.highlights['whosays-vague'].length >= 2);
    assert.deepEqual(view.highlights, reference.highlights);
    assert.equal(view.summary, reference.summary);
    await page.screenshot({ path: path.join(root, 'test-results/extension-firefox.png') });

    const own = new URL(demo.url).origin;
    // data: URLs (a font the page's CSS inlines) are not network requests.
    assert.deepEqual(requests.filter((url) => !url.startsWith(`${own}/`) && !url.startsWith('data:')), []);
  });
});
