// The cold engine's first analysis, in fresh node processes with V8's
// browser-like WebAssembly tiers (lazy compilation, Liftoff first, dynamic
// tier-up): what the script tag's worker pays on a cold page, measured in CPU
// time, which a busy machine disturbs far less than the wall clock Chromium
// timings depend on.
//
//   node bench/first-analysis.mjs [--processes 15] [--warm-ups 0,1,20a,100a] [--engine DIR]
//
// Each process loads the engine, runs W warm-up analyses of the worker's
// built-in article (web/embed/worker.js), then analyses the benchmark page's
// article (the 1,500-word page of bench/cold-page.mjs) three times (with
// "Wa", the warm-up runs come after the first of the three instead) and prints
// the CPU and wall time of each step. Processes for the W values alternate;
// the table gives medians. The whole process's CPU time is counted, V8's
// background compile threads included.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import { importEngine, median, root } from './common.mjs';
import { benchPage } from './page.mjs';

const V8_FLAGS = ['--wasm-lazy-compilation', '--wasm-dynamic-tiering'];
const self = fileURLToPath(import.meta.url);

// The worker's warm-up article, read from its source so the two never differ.
function warmUpArticle() {
  const source = readFileSync(path.join(root, 'web/embed/worker.js'), 'utf8');
  const literal = source.match(/const WARM_UP_ARTICLE = (\{[\s\S]*?\n\});/);
  if (!literal) throw new Error('WARM_UP_ARTICLE not found in web/embed/worker.js');
  return Function(`"use strict"; return (${literal[1]});`)();
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// One process: prints one JSON line.
async function child(engineDir, warmUps) {
  const article = { blocks: benchPage(1500).blocks.map(({ kind, text }) => ({ kind, text })) };
  const warmUp = warmUpArticle();
  const steps = {};
  const step = (name, run) => {
    const cpu = cpuMs();
    const wall = performance.now();
    const value = run();
    steps[name] = { cpu: cpuMs() - cpu, wall: performance.now() - wall };
    return value;
  };
  const { createAnalyzer } = await importEngine(engineDir);
  const bytes = readFileSync(path.join(engineDir, 'whosays-core.wasm'));
  const cpu = cpuMs();
  const wall = performance.now();
  const analyzer = await createAnalyzer({ wasmBinary: bytes });
  steps.load = { cpu: cpuMs() - cpu, wall: performance.now() - wall };
  // "N" warms up before the first analysis, "Na" between the first and the second.
  const count = Number.parseInt(warmUps, 10);
  const after = String(warmUps).endsWith('a');
  if (!after) step('warmUp', () => { for (let i = 0; i < count; ++i) analyzer.analyze(warmUp); });
  step('first', () => analyzer.analyze(article));
  if (after) step('warmUp', () => { for (let i = 0; i < count; ++i) analyzer.analyze(warmUp); });
  step('second', () => analyzer.analyze(article));
  step('third', () => analyzer.analyze(article));
  console.log(JSON.stringify(steps));
}

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '15' },
    'warm-ups': { type: 'string', default: '0,1,20a,100a' },
    engine: { type: 'string', default: path.join(root, 'dist/engine') },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  await child(values.engine, values.child);
} else {
  const variants = values['warm-ups'].split(',');
  const runs = new Map(variants.map((warmUps) => [warmUps, []]));
  for (let round = 0; round < Number(values.processes); ++round) {
    for (const warmUps of variants) {
      const output = execFileSync(process.execPath, [...V8_FLAGS, self, '--child', String(warmUps), '--engine', values.engine], { encoding: 'utf8' });
      runs.get(warmUps).push(JSON.parse(output));
    }
  }
  const words = benchPage(1500).words;
  console.log(`node ${process.versions.node} ${V8_FLAGS.join(' ')}, a ${words}-word article, ${values.processes} processes per row, medians, ms (CPU / wall)`);
  const STEPS = ['load', 'warmUp', 'first', 'second', 'third'];
  console.log(`${'warm-up runs'.padEnd(14)} ${STEPS.map((name) => name.padStart(15)).join(' ')}`);
  for (const [warmUps, list] of runs) {
    const cells = STEPS.map((name) => {
      const cpu = median(list.map((run) => run[name].cpu));
      const wall = median(list.map((run) => run[name].wall));
      return `${cpu.toFixed(1)} / ${wall.toFixed(1)}`.padStart(15);
    });
    console.log(`${String(warmUps).padEnd(14)} ${cells.join(' ')}`);
  }
}
