// The toolbar popup: opening it runs whosays on the tab (the click grants
// activeTab), then shows the tab's counts and the per-tab toggles. For tests
// and for keyboard users it also works as a page: popup.html?tab=<id>.
import { COMMAND, RUN, flagCount } from './messages.js';
import { disableSite, enableSite, siteOfUrl } from './sites.js';
import { loadSettings } from './settings.js';

const element = (id) => document.getElementById(id);
let tabId = null;

async function currentTab() {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return chrome.tabs.get(requested);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) throw new Error('no tab is active');
  return tab;
}

// The content script's state, or null when whosays is not on the page yet.
async function contentState() {
  try {
    const reply = await chrome.tabs.sendMessage(tabId, { type: COMMAND, command: 'state' });
    return reply?.ok ? reply.state : null;
  } catch {
    return null;
  }
}

async function command(name, value) {
  const reply = await chrome.tabs.sendMessage(tabId, { type: COMMAND, command: name, value });
  if (!reply?.ok) throw new Error(reply?.error ?? 'whosays did not answer');
  return reply.state;
}

async function run() {
  setStatus('Reading the article…');
  const reply = await chrome.runtime.sendMessage({ type: RUN, tabId });
  if (!reply?.ok) throw new Error(reply?.error ?? 'whosays did not answer');
  return reply.state;
}

function setStatus(text, kind = 'muted') {
  const status = element('status');
  status.textContent = text;
  status.className = kind;
}

function render(state) {
  const summary = state?.summary;
  element('controls').hidden = !state?.running;
  if (state?.error) setStatus(state.error, 'error');
  else if (state?.article === false) setStatus('No article found on this page.');
  else if (!summary) setStatus('Reading the article…');
  else setStatus(flagCount(summary) === 0 ? 'No flags: every claim names its source.' : 'Flags are highlighted on the page.');

  element('counts').hidden = !summary || state?.article === false;
  if (summary) {
    for (const key of ['claims', 'attributed', 'vague', 'unattributed']) {
      element(`count-${key}`).textContent = String(summary[key] ?? 0);
    }
    element('count-flags').textContent = String(flagCount(summary));
  }
  element('show-all').checked = state?.mode === 'all';
  element('hide').checked = state?.highlights === false;
}

// Pages an extension may not script (browser pages, the stores) fail here.
function explain(error) {
  const message = String(error?.message ?? error);
  if (/cannot access|cannot be scripted|missing host permission|chrome:|about:|extensions gallery/i.test(message)) {
    return `whosays can't run on this page: the browser keeps its own pages and the extension stores off limits. (${message})`;
  }
  return `whosays could not run: ${message}`;
}

async function showSite(url) {
  const site = siteOfUrl(url);
  element('site-row').hidden = site === null;
  if (site === null) return;
  element('site-name').textContent = site;
  element('site').checked = (await loadSettings()).sites.includes(site);
  element('site').onchange = (event) => {
    const note = element('site-note');
    note.hidden = true;
    const done = (text) => {
      note.textContent = text;
      note.hidden = !text;
    };
    if (event.target.checked) {
      // enableSite calls permissions.request before anything else is awaited.
      enableSite(site).then(
        (granted) => {
          event.target.checked = granted;
          done(granted ? `whosays will run by itself on ${site}.` : `Not turned on: the permission for ${site} was declined.`);
        },
        (error) => { event.target.checked = false; done(String(error.message)); },
      );
    } else {
      disableSite(site).then((kept) => done(kept ?? ''), (error) => done(String(error.message)));
    }
  };
}

async function main() {
  const tab = await currentTab();
  tabId = tab.id;
  let state = await contentState();
  if (!state?.running) state = await run();
  render(state);
  await showSite(state?.url ?? tab.url);

  element('run').onclick = async () => render(await run().catch((error) => ({ error: explain(error) })));
  element('show-all').onchange = async (event) => render(await command('mode', event.target.checked ? 'all' : 'flags'));
  element('hide').onchange = async (event) => render(await command('highlights', !event.target.checked));

  // Live re-analyses (a changing page) report to the worker, which stores the
  // tab's counts: follow them while the popup is open.
  chrome.storage.session.onChanged.addListener(async (changes) => {
    if (`tab:${tabId}` in changes) render(await contentState());
  });
}

main().catch((error) => setStatus(explain(error), 'error'));
