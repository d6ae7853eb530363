// Unit tests for the extension's pieces that need no browser: settings,
// sites and their registration, the two manifests, the icons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { renderIcon } from '../../../web/extension/icons.mjs';
import { GECKO_ID, manifestFor } from '../../../web/extension/manifest.mjs';
import { askWorker, flagCount } from '../../../web/extension/src/messages.js';
import { DEFAULTS, loadSettings, normalize, saveSettings } from '../../../web/extension/src/settings.js';
import {
  AUTORUN_SCRIPT_ID, SUGGESTED_SITES, originsFor, siteFromInput, siteOfOrigin, siteOfUrl, syncRegistration,
} from '../../../web/extension/src/sites.js';

// chrome.storage.sync's shape, in memory.
function memoryStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key]]));
    },
    async set(values) {
      Object.assign(data, structuredClone(values));
    },
  };
}

// chrome.scripting + chrome.permissions, recording registrations.
function fakeBrowser(grantedOrigins) {
  let registered = [];
  return {
    get registered() {
      return registered;
    },
    scripting: {
      async getRegisteredContentScripts({ ids }) {
        return registered.filter((script) => ids.includes(script.id));
      },
      async unregisterContentScripts({ ids }) {
        registered = registered.filter((script) => !ids.includes(script.id));
      },
      async registerContentScripts(scripts) {
        for (const script of scripts) {
          if (registered.some((other) => other.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        }
        registered = [...registered, ...scripts];
      },
    },
    permissions: {
      async contains({ origins }) {
        return origins.every((origin) => grantedOrigins.includes(origin));
      },
    },
  };
}

describe('settings', () => {
  it('gives the defaults when nothing is stored', async () => {
    assert.deepEqual(await loadSettings(memoryStorage()), DEFAULTS);
  });

  it('drops stored values outside the choices when reading', () => {
    const settings = normalize({ mode: 'everything', highlightStyle: 'underline', position: 7, sites: ['a.com', '', 3, 'a.com'] });
    assert.deepEqual(settings, { ...DEFAULTS, highlightStyle: 'underline', sites: ['a.com'] });
  });

  it('stores a valid change and reads it back', async () => {
    const storage = memoryStorage();
    await saveSettings({ mode: 'all', sites: ['bbc.co.uk'] }, storage);
    assert.deepEqual(await loadSettings(storage), { ...DEFAULTS, mode: 'all', sites: ['bbc.co.uk'] });
  });

  it('refuses an unknown key or value when saving', async () => {
    const storage = memoryStorage();
    await assert.rejects(saveSettings({ mode: 'most' }, storage), /settings\.mode must be one of flags, all/);
    await assert.rejects(saveSettings({ colour: 'red' }, storage), /unknown setting "colour"/);
    await assert.rejects(saveSettings({ sites: 'bbc.co.uk' }, storage), /must be an array/);
    assert.deepEqual(storage.data, {});
  });
});

describe('sites', () => {
  it('turns what a reader types into a host name when it is an address', () => {
    assert.equal(siteFromInput('https://www.BBC.co.uk/news/world'), 'bbc.co.uk');
    assert.equal(siteFromInput('  apnews.com '), 'apnews.com');
    assert.equal(siteFromInput('news.example.org.'), 'news.example.org');
    assert.equal(siteFromInput('http://127.0.0.1:8080/a'), '127.0.0.1');
    assert.equal(siteFromInput('localhost'), 'localhost');
  });

  it('refuses input that is not a site when typed', () => {
    assert.throws(() => siteFromInput(''), /Type a site/);
    assert.throws(() => siteFromInput('not a site'), /not a/);
    assert.throws(() => siteFromInput('intranet'), /not a site's address/);
  });

  it('finds no site for pages an extension cannot run on', () => {
    assert.equal(siteOfUrl('chrome://extensions/'), null);
    assert.equal(siteOfUrl('about:blank'), null);
    assert.equal(siteOfUrl('file:///tmp/a.html'), null);
    assert.equal(siteOfUrl('not a url'), null);
    assert.equal(siteOfUrl('https://www.reuters.com/world/x'), 'reuters.com');
  });

  it('asks for the host and its subdomains when the site is a domain', () => {
    assert.deepEqual(originsFor('bbc.co.uk'), ['*://bbc.co.uk/*', '*://*.bbc.co.uk/*']);
    assert.deepEqual(originsFor('127.0.0.1'), ['*://127.0.0.1/*']);
  });

  it('reads a site back from its own origin pattern and from no other pattern', () => {
    assert.equal(siteOfOrigin('*://bbc.co.uk/*'), 'bbc.co.uk');
    assert.equal(siteOfOrigin('*://127.0.0.1/*'), '127.0.0.1');
    assert.equal(siteOfOrigin('*://*.bbc.co.uk/*'), null);
    assert.equal(siteOfOrigin('*://*/*'), null);
    assert.equal(siteOfOrigin('https://bbc.co.uk/*'), null);
    assert.equal(siteOfOrigin('*://www.bbc.co.uk/*'), null);
  });

  it('offers only well-formed suggested sites', () => {
    for (const site of SUGGESTED_SITES) assert.equal(siteFromInput(site), site);
  });

  it('registers only enabled sites whose permission is granted when syncing', async () => {
    const browser = fakeBrowser([...originsFor('apnews.com'), ...originsFor('127.0.0.1')]);
    const matches = await syncRegistration(['apnews.com', 'bbc.co.uk', '127.0.0.1'], browser);
    assert.deepEqual(matches, [...originsFor('apnews.com'), ...originsFor('127.0.0.1')]);
    assert.equal(browser.registered.length, 1);
    assert.equal(browser.registered[0].id, AUTORUN_SCRIPT_ID);
    assert.deepEqual(browser.registered[0].js, ['autorun.js', 'content.js']);
    assert.deepEqual(browser.registered[0].matches, matches);
  });

  it('replaces the registration, then removes it when the last site goes', async () => {
    const browser = fakeBrowser(originsFor('apnews.com'));
    await syncRegistration(['apnews.com'], browser);
    await syncRegistration(['apnews.com'], browser);
    assert.equal(browser.registered.length, 1);
    await syncRegistration([], browser);
    assert.deepEqual(browser.registered, []);
  });
});

describe('flagCount', () => {
  it('reads the core\'s count of flags and recounts nothing', () => {
    assert.equal(flagCount({ flags: 4, vague: 1, unattributed: 1 }), 4);
    assert.equal(flagCount({ claims: 5, attributed: 2, vague: 2, unattributed: 1 }), 0);
    assert.equal(flagCount(null), 0);
  });
});

describe('manifestFor', () => {
  const info = { version: '1.2.3', description: 'd' };

  it('keeps permissions narrow in both browsers', () => {
    for (const browser of ['chromium', 'firefox']) {
      const manifest = manifestFor(browser, info);
      assert.equal(manifest.manifest_version, 3);
      assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'scripting', 'storage']);
      assert.equal(manifest.host_permissions, undefined, 'no host access at install');
      assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
      assert.equal(manifest.content_scripts, undefined, 'content scripts only by injection or opt-in registration');
      assert.equal(manifest.version, '1.2.3');
    }
  });

  it('allows WebAssembly but never eval when setting the CSP', () => {
    for (const browser of ['chromium', 'firefox']) {
      const csp = manifestFor(browser, info).content_security_policy.extension_pages;
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /'unsafe-eval'|https?:/);
    }
  });

  it('gives each browser its background form', () => {
    assert.deepEqual(manifestFor('chromium', info).background, { service_worker: 'background.js', type: 'module' });
    const firefox = manifestFor('firefox', info);
    assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
    assert.equal(firefox.browser_specific_settings.gecko.id, GECKO_ID);
    assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    assert.equal(manifestFor('chromium', info).browser_specific_settings, undefined);
  });

  it('declares the run and flag-navigation shortcuts', () => {
    assert.deepEqual(Object.keys(manifestFor('chromium', info).commands), ['run-whosays', 'next-flag', 'previous-flag']);
  });

  it('refuses an unknown browser', () => {
    assert.throws(() => manifestFor('safari', info), /unknown browser "safari"/);
  });
});

describe('renderIcon', () => {
  it('writes a valid RGBA PNG of the asked size with transparent corners', () => {
    const png = renderIcon(32);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), 32);
    assert.equal(png.readUInt32BE(20), 32);
    const idatStart = png.indexOf('IDAT') + 4;
    const idatLength = png.readUInt32BE(idatStart - 8);
    const rows = inflateSync(png.subarray(idatStart, idatStart + idatLength));
    assert.equal(rows.length, 32 * (32 * 4 + 1));
    const alphaAt = (x, y) => rows[y * (32 * 4 + 1) + 1 + x * 4 + 3];
    assert.equal(alphaAt(0, 0), 0, 'top-left corner is transparent');
    assert.equal(alphaAt(16, 8), 255, 'the bubble is opaque');
  });
});

describe('askWorker', () => {
  it('sends once more when the first send fails because the worker stopped', async () => {
    const sent = [];
    const send = async (message) => {
      sent.push(message);
      if (sent.length === 1) throw new Error('The message port closed before a response was received.');
      return { ok: true, result: 42 };
    };
    assert.deepEqual(await askWorker({ type: 'x' }, send), { ok: true, result: 42 });
    assert.equal(sent.length, 2);
  });

  it('gives up with a clear error when the second send fails too', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      return undefined;
    };
    await assert.rejects(askWorker({ type: 'x' }, send), /service worker did not answer \(no answer\)/);
    assert.equal(calls, 2);
  });

  it('passes the worker\'s own error on without retrying', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      return { ok: false, error: 'whosays: the article is over the size limit' };
    };
    await assert.rejects(askWorker({ type: 'x' }, send), /over the size limit/);
    assert.equal(calls, 1);
  });
});
