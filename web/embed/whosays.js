// The embeddable script tag: <script src=".../whosays.js" defer>. Reads its
// settings from data- attributes or a JSON <script type="application/json"
// class="whosays-config">, starts the overlay with an engine in a Web Worker
// beside this file, and offers window.whosays. Bundled by web/embed/build.mjs
// into the classic script dist/embed/whosays.js. Documented in docs/embed.md.
import { createOverlay, isProbablyArticle } from '../overlay/index.js';
import { createEmbedEngine } from './engine.js';

const VERSION = '0.1.0';

function parseBoolean(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (text === '' || text === 'true' || text === 'yes' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === '0') return false;
  return undefined;
}

// Settings: the JSON config first, then the script's data- attributes.
export function readConfig(script, document) {
  const config = {};
  const block = document.querySelector('script.whosays-config[type="application/json"]');
  if (block) {
    try {
      Object.assign(config, JSON.parse(block.textContent));
    } catch (error) {
      console.warn(`whosays: ignoring the whosays-config block, it is not JSON (${error.message})`);
    }
  }
  const data = script ? script.dataset : {};
  if (data.root) config.root = data.root;
  if (data.mode) config.mode = data.mode;
  if (data.position) config.position = data.position;
  if (data.open !== undefined) config.open = parseBoolean(data.open);
  if (data.collapsed !== undefined) config.open = !parseBoolean(data.collapsed);
  if (data.highlights !== undefined) config.highlights = parseBoolean(data.highlights);
  if (data.autostart !== undefined) config.autostart = parseBoolean(data.autostart);
  if (data.live !== undefined) config.live = parseBoolean(data.live);
  return {
    root: typeof config.root === 'string' && config.root.trim() ? config.root.trim() : null,
    mode: config.mode === 'all' ? 'all' : 'flags',
    position: ['left', 'right', 'bottom'].includes(config.position) ? config.position : 'right',
    open: config.open === true || config.collapsed === false,
    highlights: config.highlights !== false,
    autostart: config.autostart !== false,
    live: config.live !== false,
  };
}

(() => {
  const window = globalThis;
  const document = window.document;
  // Loaded twice: the first copy stays. (An element with id="whosays" also
  // answers to window.whosays; the API takes that name over.)
  if (!document || (window.whosays && typeof window.whosays.analyze === 'function')) return;
  const script = document.currentScript;
  const base = new URL('.', (script && script.src) || document.baseURI).href;
  const config = readConfig(script, document);
  const handlers = [];
  const autostart = new AbortController();
  let engine = null;
  let overlay = null;

  function start() {
    if (overlay) return overlay;
    engine = createEmbedEngine({ base, window });
    // The engine loads (worker, streaming compile, warm-up) while the overlay
    // builds its panel and extracts the article; the cheap check first, so a
    // page without an article still loads no WebAssembly.
    if (isProbablyArticle(document, { root: config.root })) engine.warm();
    overlay = createOverlay({
      engine,
      document,
      root: config.root,
      mode: config.mode,
      position: config.position,
      collapsed: !config.open,
      highlights: config.highlights,
      live: config.live,
    });
    for (const [type, handler] of handlers) overlay.addEventListener(type, handler);
    return overlay;
  }

  const api = {
    version: VERSION,
    config,
    // Runs (or re-runs) the analysis; resolves to the engine's result.
    analyze: () => start().analyze(),
    open: () => start().open(),
    close: () => overlay && overlay.close(),
    next: () => overlay && overlay.next(),
    previous: () => overlay && overlay.previous(),
    setMode: (mode) => start().setMode(mode),
    setHighlights: (on) => start().setHighlights(on),
    // Removes everything, and a start still waiting for the document; analyze() starts afresh.
    destroy() {
      autostart.abort();
      if (overlay) overlay.destroy();
      if (engine) engine.terminate();
      overlay = null;
      engine = null;
    },
    addEventListener(type, handler) {
      handlers.push([type, handler]);
      if (overlay) overlay.addEventListener(type, handler);
    },
    removeEventListener(type, handler) {
      const at = handlers.findIndex(([t, h]) => t === type && h === handler);
      if (at !== -1) handlers.splice(at, 1);
      if (overlay) overlay.removeEventListener(type, handler);
    },
    get overlay() {
      return overlay;
    },
    get result() {
      return overlay ? overlay.result : null;
    },
    get summary() {
      return overlay ? overlay.summary : null;
    },
    // What whosays read: { found, analysed, reason, language, blocks } with
    // the blocks ({ kind, text }) sent to the engine (docs/overlay.md).
    get article() {
      return overlay ? overlay.article : null;
    },
    get engineMode() {
      return engine ? engine.mode : null;
    },
  };
  api.on = (type, handler) => (api.addEventListener(type, handler), api);
  api.off = (type, handler) => (api.removeEventListener(type, handler), api);
  window.whosays = api;

  if (!config.autostart) return;
  const run = () => api.analyze().catch(() => {
    // Reported on the page and through the 'error' event.
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true, signal: autostart.signal });
  else run();
})();
