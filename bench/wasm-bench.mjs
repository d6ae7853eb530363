// Times the wasm engine in node on the dev corpus: the load (createAnalyzer),
// then N timed rounds over every article; prints the median round as ms per
// article and analyses per second, the slowest article and the seed article.
//
//   node bench/wasm-bench.mjs [--rounds 30] [--articles DIR] [--engine DIR]
//
// Needs dist/engine (npm run build), or --engine: another build's dist/engine
// (bench/compare.sh passes the old revision's). Node's own clock; no Google Benchmark.
import { benchOptions, importEngine, median, readArticles } from './common.mjs';

const values = benchOptions();
const { rounds } = values;
const articles = readArticles(values.articles);
const characters = articles.reduce((sum, { article }) => sum + article.blocks.reduce((total, block) => total + block.text.length, 0), 0);

let started = performance.now();
const { createAnalyzer } = await importEngine(values.engine);
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
