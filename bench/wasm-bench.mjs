// Times the wasm engine in node on the dev corpus: the load (createAnalyzer),
// then N timed rounds over every article; prints the median round as ms per
// article and analyses per second, the slowest article and the seed article.
//
//   node bench/wasm-bench.mjs [--rounds 30] [--articles DIR] [--engine DIR]
//
// Needs dist/engine (npm run build), or --engine: another build's dist/engine
// (bench/compare.sh passes the old revision's). Node's own clock; no Google Benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    articles: { type: 'string', default: path.resolve(root, '../shared/corpus/dev/articles') },
    engine: { type: 'string', default: path.join(root, 'dist/engine') },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, not ${values.rounds}`);

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const files = readdirSync(values.articles).filter((name) => name.endsWith('.json')).sort();
if (!files.length) throw new Error(`no articles in ${values.articles}`);
const articles = files.map((name) => ({ name, article: JSON.parse(readFileSync(path.join(values.articles, name), 'utf8')) }));
const characters = articles.reduce((sum, { article }) => sum + article.blocks.reduce((total, block) => total + block.text.length, 0), 0);

let started = performance.now();
const { createAnalyzer } = await import(pathToFileURL(path.resolve(values.engine, 'index.js')).href);
const analyzer = await createAnalyzer();
const loadMs = performance.now() - started;

// Warm-up: one untimed round, so the JIT and the wasm tiers settle.
for (const { article } of articles) analyzer.analyze(article);

// Wall time, and the process's CPU time, which a busy shared machine
// disturbs less (time spent waiting for a core is not counted).
const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const roundMs = [];
const roundCpuMs = [];
const perArticle = new Map(articles.map(({ name }) => [name, []]));
for (let round = 0; round < rounds; ++round) {
  const roundStart = performance.now();
  const cpuStart = cpuMs();
  for (const { name, article } of articles) {
    started = performance.now();
    analyzer.analyze(article);
    perArticle.get(name).push(performance.now() - started);
  }
  roundMs.push(performance.now() - roundStart);
  roundCpuMs.push(cpuMs() - cpuStart);
}

const msPerArticle = median(roundMs) / articles.length;
const [slowest, slowestTimes] = [...perArticle].sort((a, b) => median(b[1]) - median(a[1]))[0];
console.log(`wasm engine, node ${process.versions.node}, ${articles.length} articles (${characters} UTF-16 units), ${rounds} rounds`);
console.log(`load (import + createAnalyzer): ${loadMs.toFixed(1)} ms`);
console.log(`median round: ${median(roundMs).toFixed(2)} ms = ${msPerArticle.toFixed(3)} ms/article = ${(1000 / msPerArticle).toFixed(0)} analyses/s`);
console.log(`median round CPU time: ${median(roundCpuMs).toFixed(2)} ms = ${(median(roundCpuMs) / articles.length).toFixed(3)} ms/article`);
console.log(`throughput: ${((characters / 1e6) / (median(roundMs) / 1000)).toFixed(2)} M UTF-16 units/s`);
console.log(`slowest article: ${slowest} ${median(slowestTimes).toFixed(3)} ms (median)`);
// The article docs/performance.md times natively (analyze_article_json).
const seed = perArticle.get('seed-armenia-azerbaijan.json');
if (seed) console.log(`seed-armenia-azerbaijan.json: ${median(seed).toFixed(3)} ms (median)`);
