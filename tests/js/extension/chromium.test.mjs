// The extension in real Chromium (Debian's chromium + playwright-core), on
// the overlay's demo pages (web/demo/serve.mjs). See harness.mjs for how the
// toolbar click and the permission prompt are stood in for.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer } from '../../../web/demo/serve.mjs';
import {
  launchWithExtension, overlayReady, overlayView, requireBuild, root, seedFixtures, withHostPermission,
} from './harness.mjs';

async function waitForResult(page) {
  await page.waitForFunction(overlayReady, null, { timeout: 20000 });
  return overlayView(page);
}

async function stopServiceWorker(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(browser.extensionId));
  assert.ok(worker, 'the extension has a running service worker');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

// A stuck browser fails the suite instead of hanging the run.
describe('extension in Chromium', { timeout: 180000 }, () => {
  let demo;
  let fixtures;
  let extension;
  let browser;
  const requests = [];
  let scriptTagView;
  let strictTabId;
  let strictPage;
  let strictUrl;

  before(async () => {
    requireBuild();
    fixtures = seedFixtures();
    demo = await startDemoServer({ fixtures: fixtures.dir });
    extension = withHostPermission();
    browser = await launchWithExtension(extension.dir);
    browser.context.on('request', (request) => requests.push(request.url()));
    strictUrl = `${demo.url}csp-strict/fixtures/seed.html`;
  });

  after(async () => {
    await browser?.close();
    extension?.remove();
    await demo?.close();
    fixtures?.remove();
  });

  it('binds its keyboard shortcuts when installed', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    const shortcuts = Object.fromEntries(commands.map((command) => [command.name, command.shortcut]));
    assert.deepEqual(
      { run: shortcuts['run-whosays'], next: shortcuts['next-flag'], previous: shortcuts['previous-flag'] },
      { run: 'Alt+W', next: 'Alt+Shift+Period', previous: 'Alt+Shift+Comma' },
    );
  });

  it('shows highlights and a panel when the script tag runs on the seed page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}seed`);
    scriptTagView = await waitForResult(page);
    assert.ok(scriptTagView.highlights['whosays-vague'].length >= 2, 'the seed article has vague claims');
    await page.close();
  });

  it('runs in the service worker on a page whose CSP forbids WebAssembly when the action runs', async (t) => {
    strictPage = await browser.context.newPage();
    const response = await strictPage.goto(strictUrl);
    assert.equal(response.headers()['content-security-policy'], "script-src 'self'");
    // The page itself can't compile WebAssembly: the engine can't run here.
    const pageCompile = await strictPage.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
      .then(() => 'compiled', (error) => error.message));
    assert.notEqual(pageCompile, 'compiled');

    strictTabId = await browser.worker.evaluate(() => globalThis.whosays.activeTabId());
    const state = await browser.worker.evaluate((tabId) => globalThis.whosays.runOnTab(tabId), strictTabId);
    assert.equal(state.running, true);
    assert.equal(state.error, null);
    assert.equal(state.article, true);

    const analyses = await browser.worker.evaluate(() => globalThis.whosays.analyses);
    const here = analyses.filter((entry) => entry.url === strictUrl && entry.tabId === strictTabId);
    assert.equal(here.length, 1, 'the worker analysed the strict page once');
    assert.ok(here[0].claims > 0);
    const load = await browser.worker.evaluate(() => globalThis.whosays.engineLoadMilliseconds());
    t.diagnostic(`engine load in the worker ${load} ms; seed analysis ${here[0].milliseconds} ms, ${here[0].blocks} blocks, ${here[0].claims} claims`);
  });

  it('shows the same highlights and panel as the script tag when the action runs', async () => {
    const view = await waitForResult(strictPage);
    assert.equal(view.present, true);
    assert.deepEqual(view.highlights, scriptTagView.highlights);
    assert.equal(view.summary, scriptTagView.summary);
    assert.deepEqual(view.claims, scriptTagView.claims);
    await strictPage.screenshot({ path: path.join(root, 'test-results/extension-strict-page.png') });
  });

  it('sets the badge to the number of flags when the analysis is done', async () => {
    const state = await browser.worker.evaluate((tabId) => globalThis.whosays.sendCommand(tabId, 'state'), strictTabId);
    const badge = await browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), strictTabId);
    const flags = state.summary.vague + state.summary.unattributed;
    assert.ok(flags > 0);
    assert.equal(badge, String(flags));
    const view = await overlayView(strictPage);
    assert.equal(flags, view.highlights['whosays-vague'].length + view.highlights['whosays-unattributed'].length);
  });

  it('moves between flags in reading order when the next and previous commands arrive', async () => {
    // chrome.commands.onCommand hands 'next-flag' / 'previous-flag' to
    // sendCommand. The overlay pulses the current flag for about a second
    // (the 'whosays-active' highlight blinks), so read it once that is over.
    const activeAfter = async (command) => {
      await browser.worker.evaluate(([tabId, name]) => globalThis.whosays.sendCommand(tabId, name), [strictTabId, command]);
      await strictPage.waitForTimeout(1300);
      return strictPage.evaluate(() => [...(globalThis.CSS.highlights.get('whosays-active') ?? [])]
        .map((range) => range.toString()));
    };
    assert.ok((await overlayView(strictPage)).claims.length >= 2);
    const first = await activeAfter('next');
    const second = await activeAfter('next');
    assert.equal(first.length, 1);
    assert.equal(second.length, 1);
    assert.notDeepEqual(first, second);
    assert.deepEqual(await activeAfter('previous'), first);
    const flagged = [...(await overlayView(strictPage)).highlights['whosays-vague'],
      ...(await overlayView(strictPage)).highlights['whosays-unattributed']];
    assert.ok(flagged.includes(first[0]) && flagged.includes(second[0]), 'both stops are flags');
  });

  it('shows the panel\'s counts in the popup when opened for the tab', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${strictTabId}`);
    await popup.waitForSelector('#counts:not([hidden])');
    const count = async (key) => Number(await popup.textContent(`#count-${key}`));
    const panel = (await overlayView(strictPage)).summary;
    // "N claims: A attributed, V vague, U unattributed" (zero counts left out)
    const inPanel = (word) => Number(panel.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
    assert.equal(await count('claims'), Number(panel.match(/^(\d+) claims?/)[1]));
    assert.equal(await count('attributed'), inPanel('attributed'));
    assert.equal(await count('vague'), inPanel('vague'));
    assert.equal(await count('unattributed'), inPanel('unattributed'));
    assert.equal(await count('flags'), inPanel('vague') + inPanel('unattributed'));
    await popup.screenshot({ path: path.join(root, 'test-results/extension-popup.png') });

    // The popup's toggles act on the tab.
    const highlighted = () => overlayView(strictPage).then((view) => Object.values(view.highlights).flat().length);
    const flagsShown = await highlighted();
    await popup.check('#hide');
    await strictPage.waitForFunction(() => !globalThis.CSS.highlights.get('whosays-vague')?.size);
    await popup.uncheck('#hide');
    await strictPage.waitForFunction(() => globalThis.CSS.highlights.get('whosays-vague')?.size > 0);
    assert.equal(await highlighted(), flagsShown);
    await popup.check('#show-all');
    await strictPage.waitForFunction(() => globalThis.CSS.highlights.get('whosays-attributed')?.size > 0);
    assert.equal(await highlighted(), await count('claims'));
    await popup.uncheck('#show-all');
    await strictPage.waitForFunction(() => !globalThis.CSS.highlights.get('whosays-attributed')?.size);
    await popup.close();
  });

  it('applies the options page\'s settings to the open tab at once when changed', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const underlineOnly = () => strictPage.evaluate(() => document.adoptedStyleSheets
      .some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(whosays-vague)')
        && rule.cssText.includes('transparent'))));
    assert.equal(await underlineOnly(), false);
    await options.check('input[name=highlightStyle][value=underline]');
    await strictPage.waitForFunction(() => document.adoptedStyleSheets.length > 1);
    assert.equal(await underlineOnly(), true);

    await options.check('input[name=mode][value=all]');
    await strictPage.waitForFunction(() => (globalThis.CSS.highlights.get('whosays-attributed')?.size ?? 0) > 0);
    const state = await browser.worker.evaluate((tabId) => globalThis.whosays.sendCommand(tabId, 'state'), strictTabId);
    assert.equal(state.mode, 'all');
    const view = await overlayView(strictPage);
    assert.equal(view.highlights['whosays-attributed'].length, state.summary.attributed);

    // Back to the defaults, for the tests after this one.
    await options.check('input[name=highlightStyle][value=tint]');
    await options.check('input[name=mode][value=flags]');
    await strictPage.waitForFunction(() => !globalThis.CSS.highlights.get('whosays-attributed')?.size);
    assert.equal(await underlineOnly(), false);
    await options.close();
  });

  it('clears the badge when the tab loads a new page', async () => {
    await strictPage.goto(`${demo.url}fixtures/seed.html`);
    const badge = await browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), strictTabId);
    assert.equal(badge, '');
  });

  it('makes no request beyond the page\'s own origin while analysing', () => {
    const own = new URL(demo.url).origin;
    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    const elsewhere = requests.filter((url) => !url.startsWith(`${own}/`) && !url.startsWith(`${extensionOrigin}/`)
      && !url.startsWith('data:') && url !== 'about:blank');
    assert.deepEqual(elsewhere, []);
    // The worker's own fetch of its engine was seen, so the recording covers
    // the worker too, not only the pages.
    assert.ok(requests.includes(`${extensionOrigin}/engine/whosays-core.wasm`), 'the worker\'s wasm fetch was recorded');
  });

  it('analyses again after the browser stops the service worker', async () => {
    const page = await browser.context.newPage();
    await page.goto(strictUrl);
    const tabId = await browser.worker.evaluate(() => globalThis.whosays.activeTabId());
    await browser.worker.evaluate((id) => globalThis.whosays.runOnTab(id), tabId);
    await stopServiceWorker(browser, page);

    // Re-run from the popup, as a reader would: the message wakes a new
    // worker, which loads the engine again.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#counts:not([hidden])');
    await popup.click('#run');
    await popup.waitForFunction(() => document.querySelector('#status').textContent !== 'Reading the article…');
    const worker = await browser.currentWorker();
    const analyses = await worker.evaluate(() => globalThis.whosays.analyses);
    assert.equal(analyses.length, 1, 'a fresh worker, with one analysis of its own');
    assert.equal(analyses[0].url, strictUrl);
    assert.equal(await worker.evaluate(() => globalThis.whosays.isWarm()), true);
    assert.notEqual(await popup.getAttribute('#status', 'class'), 'error', await popup.textContent('#status'));
    assert.equal(Number(await popup.textContent('#count-claims')), analyses[0].claims);
    await popup.close();
    await page.close();
  });

  it('replaces a content script that can no longer hear the worker when the action runs', async () => {
    // After an extension update, the old content script's globals stay in the
    // page's isolated world but nothing listens for the new worker. Stand one
    // in: the global is there, no listener answers.
    const page = await browser.context.newPage();
    await page.goto(strictUrl);
    const tabId = await browser.worker.evaluate(() => globalThis.whosays.activeTabId());
    await browser.worker.evaluate((id) => chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        globalThis.whosaysContent = { retire: () => document.documentElement.setAttribute('data-retired', '') };
      },
    }), tabId);
    const state = await browser.worker.evaluate((id) => globalThis.whosays.runOnTab(id), tabId);
    assert.equal(state.running, true);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-retired')), true);
    const view = await waitForResult(page);
    assert.deepEqual(view.highlights, scriptTagView.highlights);
    await page.close();
  });

  it('runs by itself on a site the reader turned on, and stops when turned off', async () => {
    const siteUrl = `${demo.url}fixtures/seed.html`;
    const page = await browser.context.newPage();
    await page.goto(siteUrl);
    await page.waitForTimeout(1000);
    assert.equal((await overlayView(page)).present, false, 'nothing runs before the site is turned on');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.fill('#site-input', siteUrl);
    await options.click('#add-site button[type=submit]');
    await options.waitForFunction(() => /now runs by itself on 127\.0\.0\.1/.test(document.querySelector('#site-message').textContent));
    const worker = await browser.currentWorker();
    const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    assert.deepEqual(registered.map((script) => [script.id, script.matches]), [['whosays-autorun', ['*://127.0.0.1/*']]]);

    await page.reload();
    const view = await waitForResult(page);
    assert.deepEqual(view.highlights, scriptTagView.highlights);
    // The demo's index is a list of links, not an article: nothing is shown.
    const index = await browser.context.newPage();
    await index.goto(demo.url);
    await index.waitForTimeout(1000);
    assert.equal((await overlayView(index)).present, false, 'no overlay on a page without an article');
    await index.close();

    await options.click('#sites button[data-site="127.0.0.1"]');
    await options.waitForFunction(() => /127\.0\.0\.1/.test(document.querySelector('#site-message').textContent)
      && !document.querySelector('#sites button'));
    assert.deepEqual(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
    await page.reload();
    await page.waitForTimeout(1500);
    assert.equal((await overlayView(page)).present, false, 'nothing runs after the site is turned off');
    await options.close();
    await page.close();
  });
});
