// Where the script tag's engine runs: in a Web Worker beside whosays.js (the
// page's main thread stays free), or, when the page forbids that worker, on
// the main thread from whosays-engine.js. Nothing is loaded before the first
// analyze(), so a page without an article never loads the WebAssembly.

export const REQUEST_TIMEOUT_MS = 30000;
export const READY_TIMEOUT_MS = 10000;

const MARKED_REQUESTS = 3;
const mark = (window, name, detail = null) => {
  try {
    window.performance?.mark?.(name, { detail });
  } catch {
    // A page that replaced performance.mark loses the marks, nothing else.
  }
};

// Wall-clock ms (the page's time origin plus now), 0 on a page that broke
// performance.
const wallClock = (window) => {
  try {
    return window.performance.timeOrigin + window.performance.now();
  } catch {
    return 0;
  }
};

const stopped = () => new Error('whosays: the engine was stopped (destroy() or terminate())');

// An engine for the overlay: { analyze(article) → Promise<result>, terminate() }.
// `base` is the URL of the folder holding whosays.js and its files.
export function createEmbedEngine({ base, window = globalThis, preferWorker = true }) {
  const workerUrl = new URL('whosays-worker.js', base).href;
  const engineUrl = new URL('whosays-engine.js', base).href;
  const wasmUrl = new URL('whosays-core.wasm', base).href;
  let backend = null;
  let mode = null;

  function compileOnPage() {
    const wasm = window.WebAssembly;
    if (!wasm || typeof wasm.compileStreaming !== 'function' || typeof window.fetch !== 'function') return null;
    try {
      return wasm.compileStreaming(window.fetch(wasmUrl, { credentials: 'same-origin' }));
    } catch {
      return null;
    }
  }

  function startWorker() {
    let worker;
    try {
      worker = new window.Worker(workerUrl);
    } catch (error) {
      // Cross-origin script (a CDN): a same-origin blob worker can load it.
      if (error && error.name === 'SecurityError') {
        const source = `importScripts(${JSON.stringify(workerUrl)});`;
        const blob = new window.Blob([source], { type: 'text/javascript' });
        const blobUrl = window.URL.createObjectURL(blob);
        try {
          worker = new window.Worker(blobUrl);
        } finally {
          window.URL.revokeObjectURL(blobUrl);
        }
      } else {
        throw error;
      }
    }
    // Load now, while the page is still extracting the article: the page
    // compiles the module (streaming, off its main thread) while the worker
    // starts, and hands it over; the worker fetches it itself when the page
    // cannot compile it (no compileStreaming, a CSP without
    // 'wasm-unsafe-eval', a server that does not send application/wasm).
    const compiling = compileOnPage();
    worker.postMessage({ load: wasmUrl, module: Boolean(compiling) });
    if (compiling) {
      compiling.then((module) => worker.postMessage({ module }), () => worker.postMessage({ module: null }));
    }
    const pending = new Map();
    let nextId = 1;
    let settleReady;
    const ready = new Promise((resolve, reject) => {
      settleReady = { resolve, reject };
    });
    worker.addEventListener('message', (event) => {
      const data = event.data || {};
      if (data.ready) {
        settleReady.resolve();
        return;
      }
      if (data.loaded) {
        mark(window, 'whosays:engine-loaded', data.loaded);
        return;
      }
      if (data.warmed) {
        mark(window, 'whosays:engine-warmed', data.warmed);
        return;
      }
      const request = pending.get(data.id);
      if (!request) return;
      pending.delete(data.id);
      window.clearTimeout(request.timer);
      if (data.id <= MARKED_REQUESTS) {
        // The engine's part of the request, for bench/cold-page.mjs: wall-clock
        // ms when it was posted, reached the worker, started and left it, and
        // when the answer reached this handler.
        const { analyzeMs, receivedAt, startedAt, sentAt } = data;
        mark(window, 'whosays:engine-answer', { analyzeMs, postedAt: request.postedAt, receivedAt, startedAt, sentAt, answerAt: wallClock(window) });
      }
      if (data.error) {
        const error = new Error(data.error.message);
        error.name = data.error.name;
        request.reject(error);
      } else {
        request.resolve(data.result);
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`whosays: the engine's worker failed: ${event.message || 'it could not be loaded'}`);
      settleReady.reject(error);
      for (const request of pending.values()) {
        window.clearTimeout(request.timer);
        request.reject(error);
      }
      pending.clear();
    });
    return {
      ready,
      analyze(article) {
        return new Promise((resolve, reject) => {
          const id = nextId++;
          const timer = window.setTimeout(() => {
            pending.delete(id);
            reject(new Error(`whosays: the engine did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`));
          }, REQUEST_TIMEOUT_MS);
          pending.set(id, { resolve, reject, timer, postedAt: wallClock(window) });
          worker.postMessage({ id, article, wasmUrl });
        });
      },
      terminate() {
        worker.terminate();
        for (const request of pending.values()) {
          window.clearTimeout(request.timer);
          request.reject(stopped());
        }
        pending.clear();
      },
    };
  }

  // Main-thread fallback: whosays-engine.js defines window.whosaysEngine.
  function startMainThread() {
    const document = window.document;
    const loaded = new Promise((resolve, reject) => {
      // (An element with id="whosaysEngine" answers to that name too.)
      if (typeof window.whosaysEngine?.createAnalyzer === 'function') {
        resolve(window.whosaysEngine);
        return;
      }
      const script = document.createElement('script');
      script.src = engineUrl;
      script.async = true;
      script.onload = () => {
        script.remove();
        const engine = window.whosaysEngine;
        if (engine && typeof engine.createAnalyzer === 'function') resolve(engine);
        else reject(new Error(`whosays: ${engineUrl} did not define the engine`));
      };
      script.onerror = () => {
        script.remove();
        reject(new Error(`whosays: could not load ${engineUrl} (blocked by the page's Content-Security-Policy, or missing)`));
      };
      (document.head || document.documentElement).appendChild(script);
    });
    const analyzer = loaded.then((engine) => engine.createAnalyzer({ wasmUrl }));
    return {
      ready: analyzer.then(() => {}),
      async analyze(article) {
        return (await analyzer).analyze(article);
      },
      terminate() {},
    };
  }

  // A terminate() while this waits for the worker makes it stop the worker
  // it started, so none outlives the overlay.
  let generation = 0;
  async function ensure() {
    const own = generation;
    if (preferWorker && typeof window.Worker === 'function') {
      try {
        const worker = startWorker();
        let timer = 0;
        const late = new Promise((resolve, reject) => {
          timer = window.setTimeout(() => reject(new Error('the worker did not start')), READY_TIMEOUT_MS);
        });
        try {
          await Promise.race([worker.ready, late]);
        } catch (error) {
          worker.terminate();
          throw error;
        } finally {
          window.clearTimeout(timer);
        }
        if (own !== generation) {
          worker.terminate();
          throw stopped();
        }
        backend = worker;
        mode = 'worker';
        return backend;
      } catch (error) {
        if (own !== generation) throw error;
        // The page forbids the worker (CSP worker-src, a sandbox): main thread.
      }
    }
    backend = startMainThread();
    mode = 'main-thread';
    return backend;
  }

  let starting = null;
  let requests = 0;
  return {
    // Starts the engine (worker, fetch, compile, warm-up) without analysing:
    // called once the page is known to hold an article, before extraction.
    warm() {
      if (!starting) starting = ensure();
      starting.catch(() => {
        // analyze() reports the failure.
      });
    },
    async analyze(article) {
      const own = generation;
      if (++requests <= MARKED_REQUESTS) mark(window, 'whosays:engine-request');
      if (!starting) starting = ensure();
      const engine = await starting;
      if (own !== generation) throw stopped();
      return engine.analyze(article);
    },
    get mode() {
      return mode;
    },
    terminate() {
      generation += 1;
      if (backend) backend.terminate();
      backend = null;
      starting = null;
      mode = null;
    },
  };
}
