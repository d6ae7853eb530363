// Shared by the node benchmarks: their command-line options, the dev
// articles they read, the engine build they load and the median they print.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// --rounds N (a positive integer), --articles DIR (the dev corpus by
// default), --engine DIR (a build of dist/engine, this checkout's by default).
export function benchOptions() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '30' },
      articles: { type: 'string', default: path.resolve(root, '../shared/corpus/dev/articles') },
      engine: { type: 'string', default: path.join(root, 'dist/engine') },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, not ${values.rounds}`);
  return { ...values, rounds };
}

// Every article of `dir` as { name, article }, by file name.
export function readArticles(dir) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (!files.length) throw new Error(`no articles in ${dir}`);
  return files.map((name) => ({ name, article: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) }));
}

// The engine module of the build in `dir`.
export function importEngine(dir) {
  return import(pathToFileURL(path.resolve(dir, 'index.js')).href);
}

export function median(numbers) {
  const sorted = numbers.filter((n) => typeof n === 'number' && Number.isFinite(n)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
