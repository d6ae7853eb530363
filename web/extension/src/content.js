// The content script: the overlay (web/overlay/) with an engine that asks the
// extension's service worker, and settings from chrome.storage.sync. Bundled
// with the overlay into one classic script (content scripts can't be
// modules). Injected by the toolbar/popup/keyboard (activeTab) or, on the
// sites the reader turned on, registered to run by itself (autorun.js).
import { createOverlay, isProbablyArticle } from '../../overlay/index.js';
import { ANALYZE, COMMAND, RESULT, askWorker as ask } from './messages.js';
import { loadSettings, onSettingsChanged } from './settings.js';

// ---- The engine: messages to the service worker -----------------------------

const engine = {
  async analyze(article) {
    return (await ask({ type: ANALYZE, article })).result;
  },
};

// ---- Highlight style --------------------------------------------------------

// The overlay paints tint + underline; 'underline' drops the tint. Applies to
// the CSS Custom Highlight API's highlights (the overlay's whosays-* names).
const UNDERLINE_ONLY = `
::highlight(whosays-attributed), ::highlight(whosays-vague), ::highlight(whosays-unattributed) {
  background-color: transparent !important;
}`;

function styleSheetFor(style) {
  if (style !== 'underline' || typeof CSSStyleSheet !== 'function') return null;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(UNDERLINE_ONLY);
  return sheet;
}

// ---- The overlay's life on this page ----------------------------------------

function start() {
  let settings = null;
  let overlay = null;
  let styleSheet = null;
  let mode = null; // this tab's mode when the popup changed it, else settings.mode
  let highlights = true;
  let lastError = null;
  let article = null;

  const settingsReady = loadSettings().then((loaded) => {
    settings = loaded;
    return loaded;
  });

  // A style the page can't take (no constructable style sheets) leaves the
  // overlay's own look; it never stops the analysis.
  function applyHighlightStyle() {
    try {
      if (styleSheet) {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== styleSheet);
      }
      styleSheet = overlay ? styleSheetFor(settings.highlightStyle) : null;
      if (styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, styleSheet];
    } catch (error) {
      styleSheet = null;
      console.warn('whosays: could not apply the highlight style:', error.message);
    }
  }

  function state() {
    return {
      running: overlay !== null,
      summary: overlay?.summary ?? null,
      article,
      mode: mode ?? settings?.mode ?? null,
      highlights,
      error: lastError,
      url: location.href,
    };
  }

  function report() {
    ask({ type: RESULT, summary: overlay?.summary ?? null, article, url: location.href })
      .catch((error) => console.warn('whosays:', error.message));
  }

  function create({ open }) {
    overlay = createOverlay({
      engine,
      mode: mode ?? settings.mode,
      position: settings.position,
      collapsed: !open,
      highlights,
    });
    overlay.addEventListener('result', (event) => {
      lastError = null;
      article = event.detail?.article !== false;
      report();
    });
    overlay.addEventListener('error', (event) => {
      lastError = event.detail?.message ?? 'whosays failed';
    });
    applyHighlightStyle();
  }

  function remove() {
    overlay?.destroy();
    overlay = null;
    article = null;
    applyHighlightStyle();
  }

  async function run({ open }) {
    await settingsReady;
    if (!overlay) create({ open });
    else if (open) overlay.open();
    try {
      await overlay.analyze();
    } catch (error) {
      lastError = String(error?.message ?? error);
    }
    return state();
  }

  const commands = {
    run: () => run({ open: true }),
    state: () => state(),
    next: () => overlay?.next(),
    previous: () => overlay?.previous(),
    open: () => overlay?.open(),
    close: () => overlay?.close(),
    highlights: (value) => {
      highlights = Boolean(value);
      overlay?.setHighlights(highlights);
    },
    mode: (value) => {
      if (value !== 'flags' && value !== 'all') throw new RangeError(`whosays: unknown mode ${JSON.stringify(value)}`);
      mode = value;
      overlay?.setMode(value);
    },
    remove: () => remove(),
  };

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== COMMAND || sender.id !== chrome.runtime.id) return false;
    const command = commands[message.command];
    if (!command) {
      sendResponse({ ok: false, error: `whosays: unknown command ${JSON.stringify(message.command)}` });
      return false;
    }
    Promise.resolve()
      .then(() => command(message.value))
      .then(() => settingsReady)
      .then(() => sendResponse({ ok: true, state: state() }))
      .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
    return true;
  });

  // Settings apply live: mode and style in place; a new panel position needs
  // a new overlay, which analyses again.
  onSettingsChanged((next, keys) => {
    const previous = settings;
    settings = next;
    if (!overlay) return;
    if (keys.includes('mode')) {
      mode = null;
      overlay.setMode(next.mode);
    }
    if (keys.includes('highlightStyle')) applyHighlightStyle();
    if (keys.includes('position') && previous?.position !== next.position) {
      remove();
      run({ open: false });
    }
  });

  // On a site the reader turned on, pages without an article (front pages,
  // indexes) get nothing at all, not even the panel's button.
  if (globalThis.whosaysAutorun && isProbablyArticle(document)) run({ open: false });
  // Called by a newer copy of this script after an extension update: the
  // overlay leaves the page so the new one does not draw beside it.
  function retire() {
    remove();
  }

  return { state, run, retire };
}

if (!globalThis.whosaysContent) globalThis.whosaysContent = start();
