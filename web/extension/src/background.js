// The service worker (Chromium) / background script (Firefox): hosts the
// engine, runs whosays on a tab when the reader asks (toolbar, popup,
// keyboard), keeps the badge and registers the content script for the sites
// the reader turned on. Holds no state a restart would lose that matters: the
// engine is made again on demand and per-tab counts live in storage.session.
import { analyze, engineLoadMilliseconds, isWarm, warmUp } from './engine-host.js';
import { ANALYZE, COMMAND, RESULT, RUN, SYNC_SITES, TAB_STATE, flagCount } from './messages.js';
import { loadSettings, saveSettings } from './settings.js';
import { siteOfOrigin, syncRegistration } from './sites.js';

const tabKey = (tabId) => `tab:${tabId}`;

// A short log of the analyses this worker ran, for the tests (through
// self.whosays) and for debugging from the worker's console.
const analyses = [];

// ---- Running on a tab ------------------------------------------------------

// Injects the content script unless it is there already (injected earlier,
// or registered for an automatic site), then asks it to run. Needs activeTab
// (toolbar, popup, keyboard command) or the site's host permission.
async function runOnTab(tabId) {
  warmUp();
  const [probe] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => Boolean(globalThis.whosaysContent),
  });
  if (!probe?.result) await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  try {
    return await sendCommand(tabId, 'run');
  } catch (error) {
    if (!probe?.result || !/receiving end does not exist|could not establish connection/i.test(error.message)) throw error;
  }
  // The content script there is one from before the extension was updated or
  // reloaded: its page objects remain but it can no longer hear us. Retire
  // it (its overlay leaves the page) and start a fresh one.
  await chrome.scripting.executeScript({
    target: { tabId },
    func: () => {
      globalThis.whosaysContent?.retire?.();
      delete globalThis.whosaysContent;
    },
  });
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  return sendCommand(tabId, 'run');
}

async function sendCommand(tabId, command, value) {
  const reply = await chrome.tabs.sendMessage(tabId, { type: COMMAND, command, value });
  if (!reply?.ok) throw new Error(reply?.error ?? `whosays is not running on tab ${tabId}`);
  return reply.state;
}

async function activeTabId() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) throw new Error('whosays: no active tab');
  return tab.id;
}

// ---- Badge -----------------------------------------------------------------

async function showCounts(tabId, summary, url, article) {
  const flags = flagCount(summary);
  const text = article === false ? '' : String(flags);
  await chrome.action.setBadgeText({ tabId, text });
  if (text) {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: flags > 0 ? '#b3261e' : '#2e6b30' });
    chrome.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  }
  await chrome.storage.session.set({ [tabKey(tabId)]: { summary, url, article } });
}

async function forgetTab(tabId) {
  await chrome.storage.session.remove(tabKey(tabId));
  // The tab may be gone already (onRemoved); then there is no badge to clear.
  await chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {});
}

// ---- Automatic sites -------------------------------------------------------

// Registration changes one at a time, in order, so two quick toggles can't
// interleave an unregister with a register.
let registration = Promise.resolve();
function syncSites() {
  const next = registration.then(async () => syncRegistration((await loadSettings()).sites));
  registration = next.catch((error) => console.error('whosays: could not register the automatic sites:', error));
  return next;
}

// ---- Messages --------------------------------------------------------------

const handlers = {
  async [ANALYZE](message, sender) {
    const started = performance.now();
    const result = await analyze(message.article);
    analyses.push({
      tabId: sender.tab?.id ?? null,
      url: sender.url ?? sender.tab?.url ?? null,
      blocks: message.article?.blocks?.length ?? 0,
      claims: result.claims.length,
      milliseconds: Math.round(performance.now() - started),
    });
    if (analyses.length > 50) analyses.shift();
    return { result };
  },
  async [RESULT](message, sender) {
    if (sender.tab?.id == null) throw new Error('whosays: a result message must come from a tab');
    await showCounts(sender.tab.id, message.summary, message.url, message.article);
    return {};
  },
  async [RUN](message) {
    return { state: await runOnTab(message.tabId ?? await activeTabId()) };
  },
  async [SYNC_SITES]() {
    return { matches: await syncSites() };
  },
  async [TAB_STATE](message) {
    const stored = await chrome.storage.session.get(tabKey(message.tabId));
    return { state: stored[tabKey(message.tabId)] ?? null };
  },
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler || sender.id !== chrome.runtime.id) return false;
  handler(message, sender).then(
    (reply) => sendResponse({ ok: true, ...reply }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true; // answers asynchronously
});

// ---- Browser events --------------------------------------------------------

// With a popup set, a toolbar click opens the popup, which runs whosays (the
// click grants activeTab to the popup and this worker alike).
chrome.commands.onCommand.addListener((command, tab) => {
  const tabId = tab?.id;
  const done = (promise) => promise.catch((error) => console.warn(`whosays: ${command}:`, error.message));
  if (tabId == null) return;
  if (command === 'run-whosays') done(runOnTab(tabId));
  else if (command === 'next-flag') done(sendCommand(tabId, 'next'));
  else if (command === 'previous-flag') done(sendCommand(tabId, 'previous'));
});

// The badge belongs to a page: a new page load clears it. (Single-page
// navigation keeps the content script, which re-runs and updates it.)
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') forgetTab(tabId);
});
chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(tabKey(tabId));
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'sites' in changes) syncSites();
});
// A popup closes when the browser shows its permission prompt (Firefox), so
// the popup may never record the site it asked for: a granted origin of our
// own form turns its site on here.
chrome.permissions.onAdded.addListener(async ({ origins = [] }) => {
  const granted = origins.map(siteOfOrigin).filter(Boolean);
  const { sites } = await loadSettings();
  const added = granted.filter((site) => !sites.includes(site));
  if (added.length > 0) await saveSettings({ sites: [...sites, ...added] }); // onChanged syncs
  else syncSites();
});
chrome.permissions.onRemoved.addListener(() => syncSites());
chrome.runtime.onInstalled.addListener(() => syncSites());
chrome.runtime.onStartup.addListener(() => syncSites());

// For tests and the worker's console: drive the worker as the toolbar would.
globalThis.whosays = {
  runOnTab,
  activeTabId,
  sendCommand,
  syncSites,
  analyses,
  isWarm,
  engineLoadMilliseconds,
};
