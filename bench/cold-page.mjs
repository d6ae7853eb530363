// The reader's wait on a cold page, in Chromium: from DOMContentLoaded to the
// highlights painted, stage by stage, with an empty cache and with a warm
// one, and the time of a second analyze() on the same page: at once (while
// the worker may still be warming up), and again once the engine is idle
// ("settled": after its warm-up, or 5 s; with --settle MS, and at least MS
// ms after the second analyze() ended, so that builds whose warm-up ends at
// different times are measured alike, with the page's own work on the second
// result, its frame and the panel's list, over).
//
//   node bench/cold-page.mjs [--loads 10] [--words 1500] [--embed DIR]... [--label NAME]... [--wait console|poll]... [--settle MS] [--compile] [--trace-second [--trace-window all|engine|after]]
//
// Each --embed is one build of dist/embed (default: this checkout's); with
// several, their loads alternate (A, B, A, B ...) so the shared machine's
// load falls on all alike, and the last table gives each one's ratio to the
// first. bench/compare.sh (WHOSAYS_COMPARE_WEB=1) builds another revision's
// dist/embed and runs this against it.
//
// How the bench learns that the highlights are painted: by default from a
// console message the page's recorder writes (nothing of the bench runs on
// the page until then); --wait poll instead polls with playwright's
// waitForFunction, as before 26 Nov 07:30 UTC, which evaluates playwright's
// injected script (about 10-50 ms of main thread) on the page right after
// its load event, while the overlay waits for the main thread to start the
// worker and hand it the module: it delayed what it measured. One --wait
// per --embed compares the two ways on one build.
//
// The page: the project's own articles (tests/corpus/own*/articles) laid out
// as the demo lays out an article (web/demo/serve.mjs), joined until it holds
// --words words. The server sends the script tag's files as a CDN would,
// cacheable for an hour; the page itself is never cached.
//
// Stages, in ms after DOMContentLoaded (performance.now() on the page):
//   request  the overlay has extracted the article and asks the engine
//   loaded   the worker has the engine (compiled and instantiated)
//   answer   the engine's result is back on the page
//   result   the claims are anchored, the panel filled, the highlights set
//   painted  the frame that shows the highlights has been painted
//   paintedFromHtml  the same frame in ms after the page's last byte arrived
//            (responseEnd), and dcl: DOMContentLoaded after it
//   listed   the panel's list and ledger are filled (since 26 Nov after that
//            frame; before, with the highlights, so listed < painted)
// secondBefore and secondAfter: the page's part of the second analyze()
// before the engine's request (extraction, language check) and after its
// answer (anchoring, highlights); and, as the worker timed them: worker (its script starts running), loadAt
// (it starts loading the module), loadMs (fetch, compile, instantiate),
// warmMs and warmRuns (the warm-up's time and runs, when it finished before
// the measurement ended), firstMs and secondMs (analyze() of the page's
// article, first and second time). secondAt: when the second analyze()
// started; posting, toWorker, inWorker, toPage: from its request's mark to
// its postMessage, its way to the worker, its wait there, the answer's way back (builds since 26 Nov, session 6);
// settledBefore, settledEngine, settledMs: the parts of "settled" (builds
// that mark a third request). --trace-second adds a table of trace events
// (self CPU time per thread) in the second analyze(), or with --trace-window
// engine between its request and its answer, after from its answer on.
// (request, loaded and answer are the engine's performance marks, so they are
// missing for builds made before those marks existed). "empty" loads use a
// fresh browser context each (empty HTTP and code caches); "warm" loads reuse
// one context per build after two loads that fill its caches, each left open
// 3 s as a reader would (V8 writes a module's optimised code to the cache a
// moment after it has tiered up, not at once).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

import { articlePage } from '../web/demo/serve.mjs';
import { median, root } from './common.mjs';
import { benchPage } from './page.mjs';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '10' },
    words: { type: 'string', default: '1500' },
    embed: { type: 'string', multiple: true },
    label: { type: 'string', multiple: true },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    wait: { type: 'string', multiple: true },
    compile: { type: 'boolean', default: false },
    'trace-second': { type: 'boolean', default: false },
    'trace-window': { type: 'string', default: 'all' },
    settle: { type: 'string', default: '0' },
  },
});
const loads = Number(values.loads);
const embeds = (values.embed ?? [path.join(root, 'dist/embed')]).map((dir) => path.resolve(dir));
const labels = embeds.map((dir, index) => values.label?.[index] ?? (embeds.length === 1 ? 'this build' : `build ${index}`));
// One wait per build, or one for all (console by default).
const waits = embeds.map((dir, index) => values.wait?.[index] ?? values.wait?.[0] ?? 'console');
for (const dir of embeds) {
  if (!existsSync(path.join(dir, 'whosays.js'))) throw new Error(`${dir}/whosays.js is missing: run npm run build`);
}

// ---- The page --------------------------------------------------------------
const { blocks, words: pageWords } = benchPage(Number(values.words));
const pageArticle = { id: 'bench', title: blocks[0].text, license: 'written for the whosays project', blocks };

// ---- The server: /b<N>/embed/* is build N, /b<N>/article its page -----------
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://127.0.0.1');
  const match = pathname.match(/^\/b(\d+)\/(article|embed\/[\w.-]+|assets\/[\w.-]+)$/);
  const build = match && embeds[Number(match[1])];
  if (!build) {
    response.writeHead(404).end();
    return;
  }
  if (match[2] === 'article') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(articlePage(pageArticle, `/b${match[1]}`));
    return;
  }
  const file = match[2].startsWith('embed/')
    ? path.join(build, match[2].slice('embed/'.length))
    : path.join(root, 'web/demo', match[2]);
  if (!existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'public, max-age=3600' });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- One load ----------------------------------------------------------------
// Page-side, before any script of the page: records the stages.
const RECORDER = () => {
  const bench = { };
  window.__whosaysBench = bench;
  document.addEventListener('DOMContentLoaded', () => {
    if (!window.whosays) return;
    window.whosays.addEventListener('result', () => {
      if (bench.result !== undefined) return;
      bench.result = performance.now();
      requestAnimationFrame(() => {
        // A message posted in the frame's callback arrives after its paint.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          bench.painted = performance.now();
          performance.mark('whosays-bench:painted');
          // Tells the bench without running anything of its own on the page.
          console.debug('whosays-bench:painted');
        };
        channel.port2.postMessage(0);
      });
    });
  });
};

// With --compile: V8's compiling in a trace of the load, in ms: on the
// page's main thread before DOMContentLoaded (compileBeforeDcl) and from it
// to the highlights' frame (compileToPainted), on the worker's thread up to
// that frame (compileWorker). Tracing slows the load a little.
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing', 'loading'];

// A trace's events, and each thread's name by "pid:tid".
function traceThreads(trace) {
  const events = trace.traceEvents || trace;
  const threads = new Map();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args.name);
  return { events, threads };
}

function compileTimes(trace) {
  const { events, threads } = traceThreads(trace);
  const dcl = events.find((event) => event.name === 'MarkDOMContent');
  const painted = events.find((event) => event.name === 'whosays-bench:painted');
  if (!dcl || !painted) return {};
  const times = { compileBeforeDcl: 0, compileToPainted: 0, compileWorker: 0 };
  for (const event of events) {
    if (event.pid !== dcl.pid || event.ph !== 'X' || event.name !== 'V8.CompileCode' || event.ts > painted.ts) continue;
    const thread = threads.get(`${event.pid}:${event.tid}`) || '';
    const ms = event.dur / 1000;
    if (thread === 'CrRendererMain') times[event.ts < dcl.ts ? 'compileBeforeDcl' : 'compileToPainted'] += ms;
    else if (/DedicatedWorker/.test(thread)) times.compileWorker += ms;
  }
  return times;
}

// With --trace-second: where the second analyze() spends its time, from a
// trace of each measured load: the self time of each trace event (V8's
// execution, compiling and garbage collection, Blink's style, layout and
// paint, tasks) on each thread between that call's start and its end, in
// ms of the thread's CPU time where the trace gives it, summed per event
// name and thread.
const SECOND_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.wasm.turbofan', 'disabled-by-default-v8.turbofan', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc', 'blink.user_timing', 'blink'];

function secondEvents(trace) {
  const { events, threads } = traceThreads(trace);
  let start = events.find((event) => event.name === 'whosays-bench:second');
  let end = events.find((event) => event.name === 'whosays-bench:second-end');
  if (!start || !end) return {};
  // --trace-window engine: from the engine's request to its answer only;
  // after: from the answer to the end.
  if (values['trace-window'] !== 'all') {
    const after = (name) => events.filter((event) => event.name === name && event.ts >= start.ts).sort((a, b) => a.ts - b.ts)[0];
    const request = after('whosays:engine-request');
    const answer = after('whosays:engine-answer');
    if (!request || !answer) return {};
    if (values['trace-window'] === 'engine') [start, end] = [request, answer];
    else start = answer;
  }
  const byThread = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || event.pid !== start.pid || !event.dur) continue;
    const from = Math.max(event.ts, start.ts);
    const to = Math.min(event.ts + event.dur, end.ts);
    if (to <= from) continue;
    const key = `${event.pid}:${event.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    // CPU time where the trace has it (tdur): a thread preempted on a loaded
    // machine would charge its wait to whatever event it was in.
    const cpu = event.tdur === undefined ? (to - from) : event.tdur * ((to - from) / event.dur);
    byThread.get(key).push({ name: event.name, from, to, cpu });
  }
  const times = {};
  for (const [key, list] of byThread) {
    const thread = (threads.get(key) || key).replace(/^DedicatedWorker.*/, 'Worker').replace('CrRendererMain', 'Main');
    // Self time: each event's span less its children's (events nest).
    list.sort((a, b) => a.from - b.from || b.to - a.to);
    const stack = [];
    for (const event of list) {
      event.self = event.cpu;
      while (stack.length && stack[stack.length - 1].to <= event.from) stack.pop();
      if (stack.length) stack[stack.length - 1].self -= event.cpu;
      stack.push(event);
    }
    for (const event of list) times[`${thread} ${event.name}`] = (times[`${thread} ${event.name}`] || 0) + event.self / 1000;
  }
  return times;
}

async function load(context, build, { linger = 0, trace = false } = {}) {
  const page = await context.newPage();
  let tracing = false;
  try {
    if (trace) {
      await browser.startTracing(page, { categories: values['trace-second'] ? SECOND_CATEGORIES : TRACE_CATEGORIES });
      tracing = true;
    }
    await page.addInitScript(RECORDER);
    if (waits[build] === 'poll') {
      await page.goto(`${origin}/b${build}/article`);
      await page.waitForFunction(() => window.__whosaysBench && window.__whosaysBench.painted !== undefined, null, { timeout: 30000 });
    } else {
      const painted = page.waitForEvent('console', { predicate: (message) => message.text() === 'whosays-bench:painted', timeout: 30000 });
      await page.goto(`${origin}/b${build}/article`);
      await painted;
    }
    const stages = await page.evaluate(async ([nextFrame, settleMs]) => {
      const [navigation] = performance.getEntriesByType('navigation');
      const dcl = navigation.domContentLoadedEventStart;
      const bench = window.__whosaysBench;
      const markAt = (name, nth = 0) => {
        const marks = performance.getEntriesByName(name);
        return marks[nth] ? marks[nth].startTime - dcl : undefined;
      };
      const stages = {
        request: markAt('whosays:engine-request'),
        loaded: markAt('whosays:engine-loaded'),
        answer: markAt('whosays:engine-answer'),
        result: bench.result - dcl,
        painted: bench.painted - dcl,
        listed: markAt('whosays:panel-filled'),
        // The same frame, counted from the page's last byte instead.
        paintedFromHtml: bench.painted - navigation.responseEnd,
        dcl: dcl - navigation.responseEnd,
      };
      // As when polling: the second analyze() one frame after the painted one.
      if (nextFrame) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      performance.mark('whosays-bench:second');
      const started = performance.now();
      await window.whosays.analyze();
      const ended = performance.now();
      performance.mark('whosays-bench:second-end');
      stages.second = ended - started;
      const request = performance.getEntriesByName('whosays:engine-request')[1];
      const answer = performance.getEntriesByName('whosays:engine-answer')[1];
      stages.secondEngine = request && answer ? answer.startTime - request.startTime : undefined;
      // The page's part: before the request (extraction, language check) and
      // after the answer (anchoring, highlights).
      stages.secondBefore = request ? request.startTime - started : undefined;
      stages.secondAfter = answer ? ended - answer.startTime : undefined;
      stages.secondAt = started - dcl;
      // The engine part, where the worker reports its own times (wall clock,
      // since 26 Nov, session 6): the request's way to the worker (toWorker),
      // its wait there before its analysis starts (inWorker: a warm-up run in
      // progress, the load), the answer's way back to the page's handler
      // (toPage); the analysis itself is secondMs.
      const times = answer?.detail;
      if (times?.receivedAt) {
        stages.posting = times.postedAt - performance.timeOrigin - request.startTime;
        stages.toWorker = times.receivedAt - times.postedAt;
        stages.inWorker = times.startedAt - times.receivedAt;
        stages.toPage = times.answerAt - times.sentAt;
      }
      // A build that marks its steps (performance.mark('whosays-step:NAME'),
      // a scratch build for measuring): each step's time in the second
      // analyze(), from the mark before it.
      let previous = started;
      for (const mark of performance.getEntriesByType('mark')) {
        if (!mark.name.startsWith('whosays-step:') || mark.startTime < started || mark.startTime > ended) continue;
        const key = `step:${mark.name.slice('whosays-step:'.length)}`;
        stages[key] = (stages[key] || 0) + mark.startTime - previous;
        previous = mark.startTime;
      }
      // Once the engine is idle (its warm-up done, 5 s at most, and --settle
      // ms after the second analyze()): one more.
      for (let waited = 0; waited < 5000 && !performance.getEntriesByName('whosays:engine-warmed').length; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const settle = ended + settleMs - performance.now();
      if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
      const settled = performance.now();
      await window.whosays.analyze();
      stages.settled = performance.now() - settled;
      // Its parts, where the build marks a third request (MARKED_REQUESTS).
      const request3 = performance.getEntriesByName('whosays:engine-request')[2];
      const answer3 = performance.getEntriesByName('whosays:engine-answer')[2];
      if (request3 && answer3) {
        stages.settledBefore = request3.startTime - settled;
        stages.settledEngine = answer3.startTime - request3.startTime;
        stages.settledMs = answer3.detail?.analyzeMs;
      }
      stages.claims = window.whosays.overlay.claims.length;
      const loaded = performance.getEntriesByName('whosays:engine-loaded')[0];
      const answers = performance.getEntriesByName('whosays:engine-answer');
      const sinceDcl = (at) => (typeof at === 'number' ? at - performance.timeOrigin - dcl : undefined);
      stages.worker = sinceDcl(loaded?.detail?.scriptAt);
      stages.loadAt = sinceDcl(loaded?.detail?.loadAt);
      stages.loadMs = loaded?.detail?.loadMs;
      const warmed = performance.getEntriesByName('whosays:engine-warmed')[0];
      stages.warmMs = warmed ? warmed.detail?.warmMs : loaded?.detail?.warmMs;
      stages.warmRuns = warmed?.detail?.runs;
      stages.firstMs = answers[0]?.detail?.analyzeMs;
      stages.secondMs = answers[1]?.detail?.analyzeMs;
      return stages;
    }, [waits[build] !== 'poll', Number(values.settle)]);
    if (tracing) {
      tracing = false;
      const events = JSON.parse((await browser.stopTracing()).toString());
      if (values['trace-second']) stages.events = secondEvents(events);
      else Object.assign(stages, compileTimes(events));
    }
    return stages;
  } finally {
    if (tracing) await browser.stopTracing();
    if (linger) await new Promise((resolve) => setTimeout(resolve, linger));
    await page.close();
  }
}

// ---- The runs ----------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const results = embeds.map(() => ({ empty: [], warm: [] }));
try {
  const warmContexts = [];
  for (let build = 0; build < embeds.length; ++build) {
    const context = await browser.newContext();
    for (let prime = 0; prime < 2; ++prime) await load(context, build, { linger: 3000 });
    warmContexts.push(context);
  }
  for (let round = 0; round < loads; ++round) {
    for (let build = 0; build < embeds.length; ++build) {
      const context = await browser.newContext();
      results[build].empty.push(await load(context, build, { trace: values.compile || values['trace-second'] }));
      await context.close();
      results[build].warm.push(await load(warmContexts[build], build, { trace: values.compile || values['trace-second'] }));
    }
    process.stderr.write(`cold-page: round ${round + 1} of ${loads}\n`);
  }
} finally {
  await browser.close();
  server.close();
}

// ---- Report ------------------------------------------------------------------
const show = (n) => (n === undefined ? '-' : n.toFixed(1)).padStart(8);
const STAGES = ['request', 'worker', 'loadAt', 'loaded', 'answer', 'result', 'painted', 'listed', 'dcl', 'paintedFromHtml', 'secondAt', 'second', 'secondBefore', 'secondEngine', 'secondAfter', 'posting', 'toWorker', 'inWorker', 'toPage', 'settled', 'settledBefore', 'settledEngine', 'settledMs', 'loadMs', 'warmMs', 'warmRuns', 'firstMs', 'secondMs',
  ...(values.compile ? ['compileBeforeDcl', 'compileToPainted', 'compileWorker'] : [])];

const STEPS = [...new Set(results.flatMap((build) => [...build.empty, ...build.warm].flatMap((run) => Object.keys(run).filter((key) => key.startsWith('step:')))))];

const { version } = browser;
console.log(`Chromium ${typeof version === 'function' ? version.call(browser) : ''}, page of ${pageWords} words in ${blocks.length} blocks, ${loads} loads per build and cache state (medians, ms after DOMContentLoaded; second = a second analyze() on the page, secondEngine = its engine part)`);
console.log(`${'build'.padEnd(24)} ${'cache'.padEnd(6)} ${STAGES.map((stage) => stage.padStart(8)).join(' ')} ${'claims'.padStart(7)}`);
for (let build = 0; build < embeds.length; ++build) {
  for (const cache of ['empty', 'warm']) {
    const runs = results[build][cache];
    console.log(`${labels[build].padEnd(24)} ${cache.padEnd(6)} ${STAGES.map((stage) => show(median(runs.map((run) => run[stage])))).join(' ')} ${String(median(runs.map((run) => run.claims))).padStart(7)}`);
  }
}
if (STEPS.length) {
  console.log(`Steps of the second analyze() (medians, ms; each from the mark before it):`);
  console.log(`${'build'.padEnd(24)} ${'cache'.padEnd(6)} ${STEPS.map((step) => step.slice(5).slice(0, 12).padStart(12)).join(' ')}`);
  for (let build = 0; build < embeds.length; ++build) {
    for (const cache of ['empty', 'warm']) {
      const runs = results[build][cache];
      console.log(`${labels[build].padEnd(24)} ${cache.padEnd(6)} ${STEPS.map((step) => show(median(runs.map((run) => run[step]).filter((n) => n !== undefined))).padStart(12)).join(' ')}`);
    }
  }
}
if (values['trace-second']) {
  console.log('Trace events in the second analyze(), self time (ms, medians over the loads, a load without the event counting 0; the 25 largest):');
  for (let build = 0; build < embeds.length; ++build) {
    for (const cache of ['empty', 'warm']) {
      const runs = results[build][cache].map((run) => run.events || {});
      const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
      const rows = names.map((name) => [name, median(runs.map((run) => run[name] || 0)), runs.reduce((sum, run) => sum + (run[name] || 0), 0) / runs.length])
        .sort((a, b) => b[2] - a[2]).slice(0, 25);
      console.log(`${labels[build]}, ${cache} cache:`);
      for (const [name, middle, mean] of rows) console.log(`  ${name.padEnd(60)} median ${middle.toFixed(2).padStart(6)}  mean ${mean.toFixed(2).padStart(6)}`);
    }
  }
}
for (let build = 0; build < embeds.length; ++build) {
  for (const cache of ['empty', 'warm']) {
    const painted = results[build][cache].map((run) => run.painted).sort((a, b) => a - b);
    console.log(`${labels[build]}, ${cache} cache, painted (all loads): ${painted.map((n) => n.toFixed(0)).join(' ')}`);
  }
}
if (embeds.length > 1) {
  for (let build = 1; build < embeds.length; ++build) {
    for (const cache of ['empty', 'warm']) {
      for (const stage of ['painted', 'second', 'settled']) {
        const base = median(results[0][cache].map((run) => run[stage]));
        const now = median(results[build][cache].map((run) => run[stage]));
        console.log(`${labels[build]} vs ${labels[0]}, ${cache} cache, ${stage}: ${(base / now).toFixed(2)}x faster`);
      }
    }
  }
}
