// The wasm step of `npm run build`: compiles the core with Emscripten into
// build/wasm, then assembles dist/engine/ (the ES module that exports
// createAnalyzer, its types, the Emscripten glue and the .wasm), prints the
// sizes and fails when wasm + glue exceed the budget.
//
// Run alone: node wasm/build.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// wasm + glue, gzip -9, in bytes (the 150 KB, read as 150 000).
export const BUDGET_GZIP_BYTES = 150_000;

const CORE_FILES = ['whosays-core.js', 'whosays-core.wasm'];
const ENGINE_FILES = ['index.js', 'index.d.ts'];

function fail(reason) {
  throw new Error(`wasm build: ${reason}`);
}

function run(command, args, options) {
  try {
    execFileSync(command, args, { stdio: 'inherit', ...options });
  } catch (error) {
    if (error.code === 'ENOENT') fail(`${command} not found: install Debian's emscripten (bash scripts/setup.sh)`);
    fail(`${command} ${args.join(' ')} exited with ${error.status ?? error.signal}`);
  }
}

// Raw and gzip -9 size of each file, in bytes.
export function measure(files) {
  return files.map((file) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

export async function build({ root }) {
  const emInclude = path.join(root, 'build/em-include');
  for (const header of ['boost/version.hpp', 'nlohmann/json.hpp']) {
    if (!existsSync(path.join(emInclude, header))) {
      fail(`${path.join(emInclude, header)} is missing: run bash scripts/setup.sh first`);
    }
  }

  // Debian's Emscripten runs its JavaScript passes on the system node, which
  // finds Debian's acorn only through NODE_PATH (as scripts/env.sh sets it).
  const env = { ...process.env };
  env.NODE_PATH = [env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(path.delimiter);

  const buildDir = path.join(root, 'build/wasm');
  run('emcmake', [
    'cmake', '-S', root, '-B', buildDir,
    '-DCMAKE_BUILD_TYPE=Release',  // see wasm/CMakeLists.txt: the optimisation flags are set there
    '-DWHOSAYS_TESTS=OFF', '-DWHOSAYS_BENCH=OFF',
    // Emscripten must see boost/ and nlohmann/ only, never all of /usr/include.
    `-DWHOSAYS_EM_INCLUDE=${emInclude}`,
    `-DBoost_INCLUDE_DIR=${emInclude}`,
    '-DBoost_NO_BOOST_CMAKE=ON',
    `-Dnlohmann_json_DIR=${path.join(root, 'wasm/cmake')}`,
  ], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('cmake', ['--build', buildDir, '--target', 'whosays_wasm', '-j', '2'], { env });

  const dist = path.join(root, 'dist/engine');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  for (const name of CORE_FILES) {
    const from = path.join(buildDir, 'wasm', name);
    if (!existsSync(from)) fail(`${from} was not produced`);
    copyFileSync(from, path.join(dist, name));
  }
  for (const name of ENGINE_FILES) copyFileSync(path.join(root, 'web/engine', name), path.join(dist, name));

  const sizes = measure([...CORE_FILES, ...ENGINE_FILES].map((name) => path.join(dist, name)));
  for (const { file, raw, gzip } of sizes) {
    console.log(`wasm build: ${path.relative(root, file).padEnd(32)} ${String(raw).padStart(8)} B  gzip -9 ${String(gzip).padStart(7)} B`);
  }
  const core = sizes.slice(0, CORE_FILES.length).reduce((sum, size) => sum + size.gzip, 0);
  console.log(`wasm build: wasm + glue gzip -9 ${core} B (budget ${BUDGET_GZIP_BYTES} B)`);
  if (core > BUDGET_GZIP_BYTES) fail(`wasm + glue are ${core} B gzip -9, over the ${BUDGET_GZIP_BYTES} B budget`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });
}
