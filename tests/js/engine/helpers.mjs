// Shared by the engine tests: where things are, the built engine, the native
// harness and a canonical JSON form to compare their outputs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const distEngine = path.join(root, 'dist/engine');
export const corpusArticles = path.resolve(root, '../shared/corpus/dev/articles');
export const unicodeFixture = path.join(root, 'tests/fixtures/unicode-article.json');
export const seedArticle = path.join(corpusArticles, 'seed-armenia-azerbaijan.json');

// The built module (npm run build makes it); a clear failure when it is not.
export async function importEngine() {
  const entry = path.join(distEngine, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  return import(pathToFileURL(entry).href);
}

export function nativeBinary() {
  const binary = path.resolve(root, process.env.WHOSAYS_NATIVE ?? 'build/native/whosays');
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: build it (cmake -S . -B build/native && cmake --build build/native) or set WHOSAYS_NATIVE`);
  }
  return binary;
}

// What `whosays analyze FILE` prints, parsed.
export function nativeAnalyze(file) {
  const output = execFileSync(nativeBinary(), ['analyze', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output);
}

export function corpusFiles() {
  if (!existsSync(corpusArticles)) return [];
  return readdirSync(corpusArticles).filter((name) => name.endsWith('.json')).sort()
    .map((name) => path.join(corpusArticles, name));
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// JSON with object keys sorted at every level, so that key order never
// decides a comparison.
export function canonical(value) {
  return JSON.stringify(value, (key, item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(Object.keys(item).sort().map((name) => [name, item[name]]));
  });
}
