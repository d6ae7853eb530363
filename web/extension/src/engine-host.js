// The engine, hosted in the extension's service worker (Firefox: its
// background script). Content scripts can't compile WebAssembly on pages
// whose CSP lacks 'wasm-unsafe-eval', but extension pages can (the manifest's
// extension_pages CSP allows it), so every analysis runs here.
//
// The analyzer is made once and kept while the worker lives (warm); when the
// browser stops the worker, the next request makes it again.
// The build bundles this with the engine as built (dist/engine/), and ships
// the .wasm as engine/whosays-core.wasm beside the worker.
import { createAnalyzer } from '../../engine/index.js';

const WASM_PATH = 'engine/whosays-core.wasm';

let pending = null;
// How long the last load took (fetch + compile + instantiate), for the tests'
// figures and the worker's console.
let loadMilliseconds = null;

// The analyzer, loading it on first use. A failed load is not cached, so the
// next request tries again.
export function getAnalyzer() {
  if (!pending) {
    const started = performance.now();
    pending = createAnalyzer({ wasmUrl: chrome.runtime.getURL(WASM_PATH) }).then((analyzer) => {
      loadMilliseconds = Math.round(performance.now() - started);
      return analyzer;
    }, (error) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}

// Starts loading without waiting: called when a run begins, so the wasm
// compiles while the content script extracts the article.
export function warmUp() {
  getAnalyzer().catch(() => {});
}

export function isWarm() {
  return pending !== null;
}

export function engineLoadMilliseconds() {
  return loadMilliseconds;
}

// article: {blocks: [{kind, text}]} → the engine's result. Throws the
// engine's Error (bad input, over the size limit) unchanged.
export async function analyze(article) {
  const analyzer = await getAnalyzer();
  return analyzer.analyze(article);
}
