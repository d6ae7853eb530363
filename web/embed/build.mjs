// The embed step of `npm run build`: bundles the script tag into
// dist/embed/, which is the whole installation (copy it to any web server):
//   whosays.js         the classic script the page loads (overlay + config)
//   whosays-worker.js  the Web Worker running the engine
//   whosays-engine.js  the engine for the main thread, when a page forbids the worker
//   whosays-core.wasm  the core
// Needs dist/engine/ (wasm/build.mjs runs first). Run alone: node web/embed/build.mjs
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

// Browsers with the CSS Custom Highlight API or its fallback, Workers and WebAssembly.
const TARGET = ['chrome105', 'firefox115', 'safari16'];

// `engineDir` defaults to dist/engine (the wasm step's output).
export async function build({ root, engineDir = path.join(root, 'dist/engine') }) {
  for (const name of ['index.js', 'whosays-core.js', 'whosays-core.wasm']) {
    if (!existsSync(path.join(engineDir, name))) {
      throw new Error(`embed build: ${path.join(engineDir, name)} is missing: build the engine first (node wasm/build.mjs, or npm run build)`);
    }
  }
  const out = path.join(root, 'dist/embed');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const engineEntry = path.join(engineDir, 'index.js');
  const resolveEngine = {
    name: 'whosays-engine',
    setup(builder) {
      builder.onResolve({ filter: /^whosays-engine$/ }, () => ({ path: engineEntry }));
    },
  };
  const common = {
    bundle: true,
    format: 'iife',
    target: TARGET,
    logLevel: 'warning',
    // The engine reads its .wasm from disk only under node; browsers never load that branch.
    external: ['node:*'],
    legalComments: 'none',
    // A classic script has no import.meta; Emscripten's glue still builds a
    // URL from it at load time. The engine is always given its wasm URL, so
    // any valid URL will do: the worker's or the page's own.
    define: { 'import.meta.url': 'globalThis.location.href' },
  };
  // V8's explicit compile hint (Chromium 136 and later; a comment to other
  // browsers), which must open the file: compile every function of the file
  // when the script is compiled, not each on its first call. Nearly all of
  // the tag's and the worker's functions run on every page with an article,
  // and the tag is compiled while it streams in, off the main thread, and
  // kept whole in the code cache: in Chromium the main thread's compiling
  // before DOMContentLoaded went from about 20 ms to under 1 ms, and between
  // the engine's answer and the highlights' frame from 47-61 to 7-11 ms
  // (traces, load average 16-22; docs/performance.md, branch web, session 5).
  const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
  // The overlay bundles Mozilla's Readability (Apache-2.0), whose notice
  // legalComments: 'none' would drop.
  const banner = { js: `${COMPILE_HINT}/* whosays (MIT). Includes @mozilla/readability, Copyright (c) 2010 Arc90 Inc, Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0 */` };
  await esbuild.build({ ...common, banner, entryPoints: [path.join(root, 'web/embed/whosays.js')], outfile: path.join(out, 'whosays.js') });
  await esbuild.build({ ...common, banner: { js: COMPILE_HINT.trimEnd() }, entryPoints: [path.join(root, 'web/embed/worker.js')], outfile: path.join(out, 'whosays-worker.js'), plugins: [resolveEngine] });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'web/embed/engine-global.js')], outfile: path.join(out, 'whosays-engine.js'), plugins: [resolveEngine] });
  copyFileSync(path.join(engineDir, 'whosays-core.wasm'), path.join(out, 'whosays-core.wasm'));

  for (const name of ['whosays.js', 'whosays-worker.js', 'whosays-engine.js', 'whosays-core.wasm']) {
    const bytes = readFileSync(path.join(out, name));
    console.log(`embed build: dist/embed/${name.padEnd(20)} ${String(bytes.length).padStart(8)} B  gzip -9 ${String(gzipSync(bytes, { level: 9 }).length).padStart(7)} B`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..') });
}
