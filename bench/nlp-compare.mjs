// whosays against the JavaScript NLP a developer would otherwise reach for,
// in the same node process on the same texts: per dev article, the wasm
// engine's analyze() and wink-nlp's sentence + entity pass (readDoc, then
// every sentence and every entity read out), with wink's own English model.
//
//   (cd bench && npm ci)        # wink-nlp + wink-eng-lite-web-model, for this benchmark only
//   node bench/nlp-compare.mjs [--rounds 30] [--articles DIR] [--engine DIR]
//
// Each round runs every article through each contender in turn (whosays,
// wink sbd+ner, wink with its default pipeline), so the shared machine's
// load falls on all alike; prints the median round's ms per article (wall
// and the process's CPU time) and whosays' time as a ratio of wink's.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { benchOptions, importEngine, median, readArticles } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const values = benchOptions();
const { rounds } = values;

const require = createRequire(path.join(here, 'package.json'));
let winkNLP;
let model;
try {
  winkNLP = require('wink-nlp');
  model = require('wink-eng-lite-web-model');
} catch {
  throw new Error('wink-nlp is missing: run (cd bench && npm ci) first');
}

const articles = readArticles(values.articles)
  .map(({ article }) => ({ blocks: article.blocks.map(({ kind, text }) => ({ kind, text })) }));
const texts = articles.map((article) => article.blocks.map((block) => block.text).join('\n\n'));
const words = texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);

const { createAnalyzer } = await importEngine(values.engine);
const analyzer = await createAnalyzer();
const its = winkNLP(model).its;
const winkMinimal = winkNLP(model, ['sbd', 'ner']);
const winkDefault = winkNLP(model);

// Each returns something derived from its whole output, so nothing is skipped.
const contenders = {
  'whosays analyze()': (index) => analyzer.analyze(articles[index]).claims.length,
  'wink-nlp sbd+ner': (index) => {
    const doc = winkMinimal.readDoc(texts[index]);
    return doc.sentences().out().length + doc.entities().out(its.detail).length;
  },
  'wink-nlp default pipe': (index) => {
    const doc = winkDefault.readDoc(texts[index]);
    return doc.sentences().out().length + doc.entities().out(its.detail).length;
  },
};

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
// Warm-up: one untimed pass each, so the JIT and the wasm tiers settle.
let sink = 0;
for (const run of Object.values(contenders)) for (let i = 0; i < articles.length; ++i) sink += run(i);

const wall = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < rounds; ++round) {
  for (const [name, run] of Object.entries(contenders)) {
    const started = performance.now();
    const cpuStarted = cpuMs();
    for (let i = 0; i < articles.length; ++i) sink += run(i);
    cpu[name].push((cpuMs() - cpuStarted) / articles.length);
    wall[name].push((performance.now() - started) / articles.length);
  }
}

console.log(`node ${process.versions.node}, ${articles.length} articles (${words} words), ${rounds} rounds, medians per article`);
console.log(`${'contender'.padEnd(24)} ${'wall ms'.padStart(8)} ${'CPU ms'.padStart(8)}`);
for (const name of Object.keys(contenders)) {
  console.log(`${name.padEnd(24)} ${median(wall[name]).toFixed(3).padStart(8)} ${median(cpu[name]).toFixed(3).padStart(8)}`);
}
for (const name of ['wink-nlp sbd+ner', 'wink-nlp default pipe']) {
  const ratio = median(cpu['whosays analyze()']) / median(cpu[name]);
  console.log(`whosays / ${name} (CPU): ${ratio.toFixed(2)} (${ratio <= 1 ? 'whosays is as fast or faster' : `whosays is ${ratio.toFixed(1)}x slower`})`);
}
if (sink === 0) console.log('(no output at all)');
