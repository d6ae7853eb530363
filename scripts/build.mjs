// npm run build: every web artefact, in dependency order. Each step lives
// beside the code it builds and exports `build()`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const steps = ['wasm/build.mjs', 'web/embed/build.mjs', 'web/extension/build.mjs'];

for (const step of steps) {
  const file = path.join(root, step);
  if (!existsSync(file)) continue;
  const started = Date.now();
  const { build } = await import(pathToFileURL(file).href);
  await build({ root });
  console.log(`build: ${step} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
