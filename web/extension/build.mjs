// The extension step of `npm run build`: writes the unpacked extensions to
// dist/extension/chromium/ and dist/extension/firefox/ from one source.
// Needs the engine built first (dist/engine/, the wasm step) and the overlay
// (web/overlay/). Bundles with esbuild, unminified so reviewers can read it:
//   background.js  the worker + the engine's glue (an ES module)
//   content.js     the overlay + its glue (a classic script: content scripts
//                  can't be modules)
//   popup.js, options.js
// The .wasm is copied to engine/whosays-core.wasm; icons are drawn by
// icons.mjs. Run alone: node web/extension/build.mjs
import { build as esbuild } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIcon } from './icons.mjs';
import { BROWSERS, manifestFor } from './manifest.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ICON_SIZES = [16, 32, 48, 128];
const STATIC_FILES = ['autorun.js', 'popup.html', 'popup.css', 'options.html', 'options.css', 'common.css'];
// Chromium 111 and Firefox 140 are the manifests' minimum versions.
const TARGETS = ['chrome111', 'firefox140'];

function fail(reason) {
  throw new Error(`extension build: ${reason}`);
}

// The extension's source imports the engine where it lives in the repository
// (web/engine/index.js); the bundle takes the built one from dist/engine/,
// whose glue (whosays-core.js) exists only there.
function builtEngine(distEngine) {
  return {
    name: 'whosays-built-engine',
    setup(build) {
      build.onResolve({ filter: /engine\/index\.js$/ }, (args) => {
        const wanted = path.resolve(args.resolveDir, args.path);
        if (wanted !== path.resolve(here, '../engine/index.js')) return undefined;
        return { path: path.join(distEngine, 'index.js') };
      });
    },
  };
}

const READABILITY_NOTICE =
  '/* Includes @mozilla/readability, Copyright (c) 2010 Arc90 Inc, Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0 */';

async function bundle(entry, { format, plugins = [], banner }) {
  const result = await esbuild({
    entryPoints: [path.join(here, 'src', entry)],
    bundle: true,
    format,
    target: TARGETS,
    platform: 'browser',
    // The engine reads its .wasm with node:fs only when it runs in node.
    external: ['node:*'],
    write: false,
    minify: false,
    legalComments: 'inline',
    banner,
    charset: 'utf8',
    logLevel: 'silent',
    plugins,
  }).catch((error) => fail(`bundling ${entry}: ${error.message}`));
  return result.outputFiles[0].contents;
}

function sizeOf(folder) {
  let total = 0;
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const stat = statSync(file);
    total += stat.isDirectory() ? sizeOf(file) : stat.size;
  }
  return total;
}

// engineDir: where the built engine is (default dist/engine).
export async function build({ root, engineDir = path.join(root, 'dist/engine') }) {
  const distEngine = engineDir;
  for (const name of ['index.js', 'whosays-core.js', 'whosays-core.wasm']) {
    if (!existsSync(path.join(distEngine, name))) fail(`${path.join(distEngine, name)} is missing: build the engine first (node wasm/build.mjs)`);
  }
  if (!existsSync(path.join(root, 'web/overlay/index.js'))) fail('web/overlay/index.js is missing: the content script starts the overlay');

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const bundles = {
    'background.js': await bundle('background.js', { format: 'esm', plugins: [builtEngine(distEngine)] }),
    // The content script bundles Mozilla's Readability (Apache-2.0): its notice goes with it.
    'content.js': await bundle('content.js', { format: 'iife', banner: { js: READABILITY_NOTICE } }),
    'popup.js': await bundle('popup.js', { format: 'esm' }),
    'options.js': await bundle('options.js', { format: 'esm' }),
  };
  const icons = ICON_SIZES.map((size) => [`icons/icon-${size}.png`, renderIcon(size)]);

  for (const browser of BROWSERS) {
    const out = path.join(root, 'dist/extension', browser);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(path.join(out, 'icons'), { recursive: true });
    mkdirSync(path.join(out, 'engine'), { recursive: true });
    const manifest = manifestFor(browser, { version: pkg.version, description: pkg.description });
    writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [name, contents] of Object.entries(bundles)) writeFileSync(path.join(out, name), contents);
    for (const name of STATIC_FILES) copyFileSync(path.join(here, 'src', name), path.join(out, name));
    for (const [name, png] of icons) writeFileSync(path.join(out, name), png);
    copyFileSync(path.join(distEngine, 'whosays-core.wasm'), path.join(out, 'engine/whosays-core.wasm'));
    console.log(`extension build: ${path.relative(root, out)} ${(sizeOf(out) / 1024).toFixed(1)} KB`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build({ root: path.resolve(here, '../..') });
}
