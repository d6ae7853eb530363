// whosays engine: the one place that loads the WebAssembly core.
//
//   import { createAnalyzer } from 'whosays';
//   const analyzer = await createAnalyzer();
//   const result = analyzer.analyze({ blocks: [{ kind: 'paragraph', text }] });
//
// Works on a page's main thread, in a (module) Web Worker, in an extension's
// module service worker and in node >= 20. The module imports nothing
// dynamically except node's fs, and only when it runs in node: service workers
// forbid import(). Offsets in results are UTF-16 code units (JavaScript string
// indices); the core converts them from its UTF-8 bytes.
import createWhosaysCore from './whosays-core.js';

// An error reported by the engine: the core's message for bad input (wrong
// shape, unknown block kind, over the size limit ...), or a load failure.
// Taken at load, before a page can replace it (an inherited 'error' must not count).
const hasOwn = Object.hasOwn;
// Taken at load too: the article's UTF-8 goes into the module's memory through it.
const utf8 = new TextEncoder();

export class WhosaysError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'WhosaysError';
  }
}

const inNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

// What relative URLs resolve against: this module, or, where a bundler has
// turned it into a classic script (import.meta.url undefined), the worker or page.
const baseUrl = import.meta.url ?? globalThis.location?.href;

function asBytes(binary) {
  if (binary instanceof ArrayBuffer) return new Uint8Array(binary);
  if (ArrayBuffer.isView(binary)) return new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength);
  throw new TypeError('whosays: options.wasmBinary must be an ArrayBuffer or a typed array');
}

// Where the .wasm is fetched from (null when the bytes are given). Resolved
// here, once, and handed to the glue too, which would otherwise resolve it
// against import.meta.url itself: that throws when the module runs as a
// classic script in a blob: worker (the script tag served from a CDN).
function wasmLocation(options) {
  if (options.module != null || options.wasmBinary != null) return null;
  const relative = options.wasmUrl ?? './whosays-core.wasm';
  try {
    return new URL(relative, baseUrl);
  } catch {
    throw new WhosaysError(`whosays: cannot resolve the .wasm URL ${JSON.stringify(String(relative))} against ${baseUrl}; pass options.wasmUrl as an absolute URL`);
  }
}

// Compiles and instantiates the module with Emscripten's imports, streaming
// from the network where the server allows it.
async function instantiate(options, url, imports) {
  if (options.module != null) {
    if (!(options.module instanceof WebAssembly.Module)) throw new TypeError('whosays: options.module must be a WebAssembly.Module');
    return { instance: await WebAssembly.instantiate(options.module, imports), module: options.module };
  }
  if (options.wasmBinary != null) return WebAssembly.instantiate(asBytes(options.wasmBinary), imports);

  if (url.protocol === 'file:') {
    if (!inNode) throw new WhosaysError(`whosays: cannot read ${url.href} outside node; pass options.wasmBinary`);
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.instantiate(await readFile(url), imports);
  }

  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new WhosaysError(`whosays: fetching ${url.href} failed with HTTP ${response.status}`);
  const streaming = typeof WebAssembly.instantiateStreaming === 'function' &&
    (response.headers.get('content-type') ?? '').split(';')[0].trim() === 'application/wasm';
  if (streaming) return WebAssembly.instantiateStreaming(response, imports);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

function loadError(error) {
  const message = String(error?.message ?? error);
  const csp = /Content.Security.Policy|unsafe-eval/i.test(message);
  let hint = '';
  if (csp) {
    hint = /WebAssembly/.test(message)
      ? " (the page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src)"
      : " (refused by the page's Content-Security-Policy)";
  }
  const failure = new WhosaysError(`whosays: could not load the WebAssembly engine${hint}: ${message}`, { cause: error });
  // True when a Content-Security-Policy refused the engine (docs/overlay.md's error detail).
  failure.csp = csp;
  return failure;
}

// Lone UTF-16 surrogates (possible in DOM text) cannot be encoded as UTF-8.
// Each becomes U+FFFD, which is also one UTF-16 unit, so offsets still index
// the caller's original string.
const wellFormed = typeof String.prototype.toWellFormed === 'function'
  ? (text) => text.toWellFormed()
  : (text) => text.replace(/\p{Cs}/gu, '\uFFFD');

function articleJson(article) {
  if (typeof article === 'string') return wellFormed(article);
  if (article === undefined || typeof article === 'function' || typeof article === 'symbol') {
    throw new WhosaysError('whosays: analyze() needs an article: {blocks: [{kind, text}]} or its JSON text');
  }
  return JSON.stringify(article, (key, value) => (typeof value === 'string' ? wellFormed(value) : value));
}

// The core's answer (JSON text) to the article's UTF-8 bytes: copied into
// the module's memory, analysed, copied out; the answer stays valid only
// until the next call. HEAPU8 is read after malloc, which may grow the memory.
function callCore(core, bytes) {
  const at = core._malloc(Math.max(bytes.length, 1));
  if (!at) throw new WhosaysError(`whosays: not enough memory for an article of ${bytes.length} bytes`);
  try {
    core.HEAPU8.set(bytes, at);
    return core.UTF8ToString(core._whosays_analyze(at, bytes.length));
  } finally {
    core._free(at);
  }
}

/**
 * Loads the engine. Options: module (the .wasm compiled already, e.g. on
 * another thread), wasmBinary (the .wasm bytes), or wasmUrl (where
 * to fetch them; default: whosays-core.wasm beside this module, read from disk
 * in node). Rejects with a WhosaysError when the module cannot be loaded.
 */
export async function createAnalyzer(options = {}) {
  let rejectLoad;
  const loadFailed = new Promise((resolve, reject) => { rejectLoad = reject; });
  let core;
  try {
    const url = wasmLocation(options);
    core = await Promise.race([
      createWhosaysCore({
        // The glue never fetches (instantiateWasm below does); it only needs
        // a URL it does not have to resolve itself.
        locateFile: (name) => (url ? url.href : name),
        // Our own instantiation: one path for every environment, and a load
        // failure (a CSP refusal, a 404) rejects instead of hanging.
        instantiateWasm(imports, receiveInstance) {
          instantiate(options, url, imports).then(
            ({ instance, module }) => receiveInstance(instance, module),
            (error) => rejectLoad(error));
          return {};
        },
        onAbort(reason) { rejectLoad(new Error(`aborted: ${reason}`)); },
        print() {},
        printErr() {},
      }),
      loadFailed,
    ]);
  } catch (error) {
    throw error instanceof WhosaysError ? error : loadError(error);
  }

  let crashed = null;
  return {
    /** The core's version, e.g. "0.1.0". */
    version: core.UTF8ToString(core._whosays_version()),

    /**
     * Analyses one article ({blocks: [{kind, text}]}, or its JSON text) and
     * returns {claims, summary} as plain objects. Throws a WhosaysError with
     * the core's message on bad input; the analyzer stays usable.
     */
    analyze(article) {
      if (crashed) throw new WhosaysError(`whosays: the engine crashed earlier (${crashed}); create a new analyzer`);
      const bytes = utf8.encode(articleJson(article));
      let text;
      try {
        text = callCore(core, bytes);
      } catch (error) {
        if (error instanceof WhosaysError) throw error;
        // A trap (stack or memory exhausted) leaves the module unusable.
        crashed = String(error?.message ?? error);
        throw new WhosaysError(`whosays: the engine crashed: ${crashed}`, { cause: error });
      }
      // The core answers {"claims": ..., "summary": ...} or {"error": "<message>"}.
      const result = JSON.parse(text);
      if (hasOwn(result, 'error')) throw new WhosaysError(result.error);
      return result;
    },
  };
}
