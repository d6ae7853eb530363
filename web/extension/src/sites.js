// Sites where whosays runs by itself: opt-in, one site at a time. A site is a
// host name; turning it on asks the browser for that host's permission
// (optional_host_permissions), and the service worker registers the content
// script for the hosts whose permission is granted. Nothing is granted at
// install.
import { SYNC_SITES } from './messages.js';
import { loadSettings, saveSettings } from './settings.js';

// Offered in the options page, not granted: the reader turns each one on.
export const SUGGESTED_SITES = Object.freeze([
  'apnews.com', 'reuters.com', 'bbc.com', 'bbc.co.uk', 'theguardian.com',
  'nytimes.com', 'washingtonpost.com', 'aljazeera.com', 'cnn.com', 'npr.org',
  'france24.com', 'dw.com', 'euronews.com', 'kyivindependent.com',
  'timesofisrael.com', 'wikinews.org',
]);

export const AUTORUN_SCRIPT_ID = 'whosays-autorun';

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

// What the reader typed ("https://www.BBC.co.uk/news", "bbc.co.uk") → the
// site's host name ("bbc.co.uk"), or an Error saying why it is not one.
export function siteFromInput(input) {
  let text = String(input ?? '').trim().toLowerCase();
  if (!text) throw new Error('Type a site, such as bbc.co.uk');
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  let host;
  try {
    host = new URL(text).hostname;
  } catch {
    throw new Error(`"${input}" is not a web address`);
  }
  host = host.replace(/\.$/, '');
  // www. is the same site to a reader; its subdomain pattern covers it.
  if (host.startsWith('www.')) host = host.slice(4);
  return checkHost(host, input);
}

function checkHost(host, input) {
  if (!HOST.test(host) || (!host.includes('.') && host !== 'localhost')) {
    throw new Error(`"${input}" is not a site's address`);
  }
  return host;
}

// The site of a page's URL, or null for pages whosays can't run on
// (chrome://, about:, the extension's own pages, file:// ...).
export function siteOfUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  try {
    return siteFromInput(parsed.hostname);
  } catch {
    return null;
  }
}

// Match patterns for a site: the host and every subdomain, http and https,
// any port ("*://" covers http and https only).
export function originsFor(site) {
  if (IPV4.test(site) || site === 'localhost') return [`*://${site}/*`];
  return [`*://${site}/*`, `*://*.${site}/*`];
}

// The site a granted origin pattern stands for, when it is one of ours
// ("*://bbc.co.uk/*" → "bbc.co.uk"), else null.
export function siteOfOrigin(origin) {
  const match = /^\*:\/\/([^/*]+)\/\*$/.exec(origin);
  if (!match) return null;
  try {
    return siteFromInput(match[1]) === match[1] ? match[1] : null;
  } catch {
    return null;
  }
}

// The patterns to register for: enabled sites whose permission is granted.
export async function grantedOrigins(sites, permissions = chrome.permissions) {
  const origins = [];
  for (const site of sites) {
    const wanted = originsFor(site);
    if (await permissions.contains({ origins: wanted })) origins.push(...wanted);
  }
  return origins;
}

// Makes the registered content script match exactly the enabled, granted
// sites. Idempotent; the service worker serializes calls.
export async function syncRegistration(sites, { scripting = chrome.scripting, permissions = chrome.permissions } = {}) {
  const matches = await grantedOrigins(sites, permissions);
  const existing = await scripting.getRegisteredContentScripts({ ids: [AUTORUN_SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [AUTORUN_SCRIPT_ID] });
  if (matches.length > 0) {
    await scripting.registerContentScripts([{
      id: AUTORUN_SCRIPT_ID,
      matches,
      // autorun.js marks the injection as automatic; content.js then runs.
      js: ['autorun.js', 'content.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    }]);
  }
  return matches;
}

// Turns a site on: asks for its permission, then records it; the service
// worker registers the content script. Call it straight from a click handler:
// the browser only asks the reader during a user gesture, so nothing may be
// awaited before permissions.request. Resolves to false when the reader
// declines.
export async function enableSite(site, { onRequested } = {}) {
  const request = chrome.permissions.request({ origins: originsFor(site) });
  onRequested?.();
  if (!(await request)) return false;
  const { sites } = await loadSettings();
  if (!sites.includes(site)) await saveSettings({ sites: [...sites, site] });
  await syncNow();
  return true;
}

// Turns a site off: forgets it, unregisters, and gives the permission back.
// Resolves to a note when the browser keeps the permission (an extension
// build that requires it, such as the tests' one).
export async function disableSite(site) {
  const { sites } = await loadSettings();
  await saveSettings({ sites: sites.filter((other) => other !== site) });
  await syncNow();
  try {
    await chrome.permissions.remove({ origins: originsFor(site) });
    return null;
  } catch (error) {
    return `the browser kept the permission for ${site}: ${error.message}`;
  }
}

async function syncNow() {
  const reply = await chrome.runtime.sendMessage({ type: SYNC_SITES });
  if (!reply?.ok) throw new Error(reply?.error ?? 'whosays: the service worker did not register the sites');
  return reply.matches;
}
