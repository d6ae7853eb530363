// The extension's manifest, one source for both browsers. manifestFor()
// returns the Chromium or the Firefox form; build.mjs writes it.
//
// Permissions are as narrow as the job allows: activeTab + scripting run
// whosays on the tab whose toolbar button (or shortcut) the reader pressed;
// storage keeps the settings. Host access is only ever optional, asked for
// one site at a time when the reader turns automatic runs on for it.

export const BROWSERS = ['chromium', 'firefox'];

export const GECKO_ID = 'whosays@whosays';

const icons = (sizes) => Object.fromEntries(sizes.map((size) => [String(size), `icons/icon-${size}.png`]));

export function manifestFor(browser, { version, description }) {
  if (!BROWSERS.includes(browser)) throw new Error(`manifest: unknown browser ${JSON.stringify(browser)}`);
  const manifest = {
    manifest_version: 3,
    name: 'whosays',
    version,
    description,
    icons: icons([16, 32, 48, 128]),
    action: {
      default_title: 'whosays: who says so?',
      default_popup: 'popup.html',
      default_icon: icons([16, 32]),
    },
    permissions: ['activeTab', 'scripting', 'storage'],
    optional_host_permissions: ['*://*/*'],
    background: null,
    options_ui: { page: 'options.html', open_in_tab: true },
    // Chromium leaves Alt+Shift+<letter> suggestions unassigned (measured:
    // Alt+Shift+W/N/P came out "not set", Alt+W and Alt+Shift+Period bound),
    // so: Alt+W runs, Alt+Shift+. and Alt+Shift+, step like > and <.
    commands: {
      'run-whosays': { suggested_key: { default: 'Alt+W' }, description: 'Run whosays on this page' },
      'next-flag': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Go to the next flag' },
      'previous-flag': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Go to the previous flag' },
    },
    // The engine compiles WebAssembly in the worker: 'wasm-unsafe-eval' and
    // nothing wider ('unsafe-eval' is refused in MV3 and stops the load).
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  };
  if (browser === 'chromium') {
    // Module service worker; 111 has every API used here (wasm-unsafe-eval,
    // storage.session, scripting.registerContentScripts, CSS highlights).
    manifest.background = { service_worker: 'background.js', type: 'module' };
    manifest.minimum_chrome_version = '111';
  } else {
    // Firefox runs MV3 background pages as event pages: "scripts", not a
    // service worker. 140 (the current ESR) has data_collection_permissions
    // and the CSS Custom Highlight API; Android has the former from 142.
    manifest.background = { scripts: ['background.js'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // whosays collects nothing: Firefox's own declaration of it.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}
