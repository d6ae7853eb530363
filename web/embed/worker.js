// The script tag's Web Worker: keeps one analyzer warm and answers
// { id, article, wasmUrl } with { id, result } or { id, error }. Bundled by
// web/embed/build.mjs into dist/embed/whosays-worker.js ('whosays-engine' is
// dist/engine/index.js).
//
// The page posts { load: wasmUrl } as soon as it has made the worker, before
// it has extracted the article: the worker then fetches and compiles the
// module (streaming) and runs one small warm-up analysis, so that the page's
// first request finds every function of the analysis already compiled
// (WebAssembly functions are compiled lazily, on their first call), and
// answers { loaded: { loadMs, warmMs } }. A request that arrives earlier
// waits for the same load.
import { createAnalyzer } from 'whosays-engine';

// Written for this warm-up: every part of the analysis runs once (a count,
// a range, a quotation with its speaker, blame, a denial, a vague report).
const WARM_UP_ARTICLE = {
  blocks: [
    { kind: 'title', text: 'Shelling kills 12 in market, officials say' },
    { kind: 'paragraph', text: 'At least 12 people were killed and between 20 and 30 wounded on Sunday when shells hit the market, the regional governor said, adding that the toll could rise.' },
    { kind: 'paragraph', text: '\u201cWe did not target civilians,\u201d a spokesman for the army, Col. Jan Nov\u00e1k, told reporters. The army denied responsibility and blamed rebel forces for the attack.' },
    { kind: 'quote', text: 'Dozens of soldiers were reportedly missing, and casualties were reported on both sides.' },
  ],
};

let analyzer = null;

function errorOf(error) {
  return { name: (error && error.name) || 'Error', message: String((error && error.message) || error) };
}

function load(wasmUrl) {
  if (analyzer) return analyzer;
  const started = performance.now();
  analyzer = createAnalyzer({ wasmUrl }).then((engine) => {
    const loaded = performance.now();
    try {
      engine.analyze(WARM_UP_ARTICLE);
    } catch {
      // A failed warm-up only loses its speed-up; the real request reports real errors.
    }
    self.postMessage({ loaded: { loadMs: loaded - started, warmMs: performance.now() - loaded } });
    return engine;
  });
  analyzer.catch((error) => {
    // A failed load may succeed later (a network hiccup); a CSP refusal won't.
    if (!/Content.Security.Policy|wasm-unsafe-eval/i.test(String(error && error.message))) analyzer = null;
  });
  return analyzer;
}

self.addEventListener('message', async (event) => {
  const { id, article, wasmUrl, load: preload } = event.data || {};
  if (preload) {
    load(preload).catch(() => {
      // Reported to the request that needs the engine.
    });
    return;
  }
  try {
    const engine = await load(wasmUrl);
    self.postMessage({ id, result: engine.analyze(article) });
  } catch (error) {
    self.postMessage({ id, error: errorOf(error) });
  }
});

self.postMessage({ ready: true });
