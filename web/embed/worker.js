// The script tag's Web Worker: keeps one analyzer warm and answers
// { id, article, wasmUrl } with { id, result, analyzeMs } or { id, error }.
// Bundled by web/embed/build.mjs into dist/embed/whosays-worker.js
// ('whosays-engine' is dist/engine/index.js).
//
// Loading starts before the first request: the page posts { load: wasmUrl,
// module: true } as soon as it has made the worker, and then { module }, the
// .wasm it compiled itself (streaming, in parallel with this worker's start),
// or { module: null } when it could not, and the worker fetches wasmUrl
// itself.
//
// Warm-up: one run of a small built-in article as soon as the engine is
// loaded, before any request (a request is usually waiting by then: on a
// cold page the article is extracted before the worker has started). That
// run compiles the analysis' functions in V8's baseline tier and starts
// optimising the hot ones on another thread, so the request that follows
// runs mostly optimised: in Chromium (bench/cold-page.mjs) the page's first
// analysis took 17-45 ms after it instead of 57-109 ms, and the warm-up run
// and the analysis together less than the analysis alone (docs/performance.md).
// Then, only while no request waits, and again after each answer, more runs,
// one per task so that a request arriving meanwhile is answered next; it stops after
// WARM_UP_RUNS runs, after WARM_UP_BUDGET_MS of running, or once a run has
// become WARM_UP_SPEED_UP times faster than the first ones. The first run
// compiles the functions of the analysis (WebAssembly functions are compiled
// lazily, on their first call); the later ones make V8 move the hot
// functions to its optimising tier, which would otherwise take many of the
// reader's own analyses (bench/first-analysis.mjs, with the -Oz engine: in
// node, the page's second analysis took 70 ms of CPU time without warm-up,
// 69 ms after 20 runs, 16 ms after 100).
// Timings for bench/cold-page.mjs: { loaded: { scriptAt, loadAt, loadMs } }
// when the engine is ready (when this script and the load started, as
// wall-clock ms; how long the load took), { warmed: { warmMs, runs } } when
// the warm-up is done, and with each answer analyzeMs (the time of
// analyze()) and, as wall-clock ms, when the request arrived (receivedAt),
// its analysis started (startedAt) and the answer left (sentAt).
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

// Wall-clock time (ms since the epoch, comparable with the page's
// performance.timeOrigin + now()) when this script started running.
const scriptAt = performance.timeOrigin + performance.now();
let analyzer = null;
// The module the page is compiling: resolves to it, or to null.
let pageModule = null;
let receiveModule = null;
// Requests received and not answered yet.
let waiting = 0;
// At most this many runs; fewer once a run takes a quarter of the time of the
// fastest of the first three, or less (the hot functions are optimised by then).
const WARM_UP_RUNS = 100;
const WARM_UP_SPEED_UP = 4;
// And never more than this much of the worker's time in all (a slow device
// stops early rather than spend seconds warming up).
const WARM_UP_BUDGET_MS = 300;
let warmUpRuns = 0;
let warmUpMs = 0;
let baselineMs = Infinity;
let warmUpDone = false;
let warmUpScheduled = false;

function errorOf(error) {
  return { name: (error && error.name) || 'Error', message: String((error && error.message) || error) };
}

// One warm-up run; its time.
function warmUpOnce(engine) {
  const started = performance.now();
  try {
    engine.analyze(WARM_UP_ARTICLE);
  } catch {
    // A failed warm-up only loses its speed-up; real requests report real errors.
    warmUpDone = true;
  }
  const runMs = performance.now() - started;
  warmUpMs += runMs;
  warmUpRuns += 1;
  // The baseline: the fastest of the first three runs (one slow run, a
  // garbage collection or a busy machine, must not end the warm-up early).
  if (warmUpRuns <= 3) baselineMs = Math.min(baselineMs, runMs);
  return runMs;
}

// One warm-up run per task, while nothing waits.
function scheduleWarmUp(engine) {
  if (warmUpScheduled || warmUpDone) return;
  warmUpScheduled = true;
  setTimeout(() => {
    warmUpScheduled = false;
    if (waiting > 0) return;
    const runMs = warmUpOnce(engine);
    if (warmUpRuns >= WARM_UP_RUNS || warmUpMs >= WARM_UP_BUDGET_MS
      || (warmUpRuns > 3 && runMs * WARM_UP_SPEED_UP <= baselineMs)) warmUpDone = true;
    if (warmUpDone) self.postMessage({ warmed: { warmMs: warmUpMs, runs: warmUpRuns } });
    else scheduleWarmUp(engine);
  }, 0);
}

function load(wasmUrl) {
  if (analyzer) return analyzer;
  const started = performance.now();
  analyzer = Promise.resolve(pageModule)
    .then((module) => createAnalyzer(module ? { module } : { wasmUrl }))
    .then((engine) => {
      self.postMessage({ loaded: { scriptAt, loadAt: performance.timeOrigin + started, loadMs: performance.now() - started } });
      // One warm-up run before anything else, a waiting request included
      // (see the top of this file).
      warmUpOnce(engine);
      // A task: requests waiting for the load run first (as microtasks).
      scheduleWarmUp(engine);
      return engine;
    });
  analyzer.catch((error) => {
    // A failed load may succeed later (a network hiccup); a CSP refusal won't.
    if (!/Content.Security.Policy|wasm-unsafe-eval/i.test(String(error && error.message))) analyzer = null;
    pageModule = null;
  });
  return analyzer;
}

self.addEventListener('message', async (event) => {
  const data = event.data || {};
  if (data.load) {
    if (data.module === true && !pageModule) pageModule = new Promise((resolve) => { receiveModule = resolve; });
    load(data.load).catch(() => {
      // Reported to the request that needs the engine.
    });
    return;
  }
  if ('module' in data) {
    if (receiveModule) receiveModule(data.module instanceof WebAssembly.Module ? data.module : null);
    receiveModule = null;
    return;
  }
  const { id, article, wasmUrl } = data;
  const receivedAt = performance.timeOrigin + performance.now();
  waiting += 1;
  let engine = null;
  let reply;
  try {
    engine = await load(wasmUrl);
    const started = performance.now();
    const result = engine.analyze(article);
    const ended = performance.now();
    reply = { id, result, analyzeMs: ended - started, receivedAt, startedAt: performance.timeOrigin + started, sentAt: performance.timeOrigin + ended };
  } catch (error) {
    reply = { id, error: errorOf(error) };
  }
  waiting -= 1;
  self.postMessage(reply);
  if (engine && waiting === 0) scheduleWarmUp(engine);
});

self.postMessage({ ready: true });
