// The script tag's Web Worker: keeps one analyzer warm and answers
// { id, article, wasmUrl } with { id, result } or { id, error }. Bundled by
// web/embed/build.mjs into dist/embed/whosays-worker.js ('whosays-engine' is
// dist/engine/index.js).
import { createAnalyzer } from 'whosays-engine';

let analyzer = null;

function errorOf(error) {
  return { name: (error && error.name) || 'Error', message: String((error && error.message) || error) };
}

self.addEventListener('message', async (event) => {
  const { id, article, wasmUrl } = event.data || {};
  try {
    if (!analyzer) analyzer = createAnalyzer({ wasmUrl });
    let engine;
    try {
      engine = await analyzer;
    } catch (error) {
      // A failed load may succeed later (a network hiccup); a CSP refusal won't.
      if (!/Content.Security.Policy|wasm-unsafe-eval/i.test(String(error && error.message))) analyzer = null;
      throw error;
    }
    self.postMessage({ id, result: engine.analyze(article) });
  } catch (error) {
    self.postMessage({ id, error: errorOf(error) });
  }
});

self.postMessage({ ready: true });
