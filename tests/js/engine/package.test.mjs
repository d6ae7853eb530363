// The npm package: `import 'whosays'` reaches the built engine and its types,
// and `npm pack` ships them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { root } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const ENGINE_FILES = ['dist/engine/index.js', 'dist/engine/index.d.ts', 'dist/engine/whosays-core.js', 'dist/engine/whosays-core.wasm'];

describe('package.json', () => {
  it('points exports["."] and types at the built engine when it is built', () => {
    assert.equal(manifest.type, 'module');
    assert.deepEqual(manifest.exports['.'], { types: './dist/engine/index.d.ts', default: './dist/engine/index.js' });
    assert.equal(manifest.types, './dist/engine/index.d.ts');
    for (const file of [manifest.exports['.'].default, manifest.exports['.'].types]) {
      assert.ok(existsSync(path.join(root, file)), `${file} is missing: run npm run build`);
    }
  });

  it('resolves the package by its name to a working createAnalyzer', async () => {
    const engine = await import(manifest.name);
    const analyzer = await engine.createAnalyzer();
    assert.equal(analyzer.version, manifest.version);
    assert.deepEqual(analyzer.analyze({ blocks: [] }).claims, []);
  });

  it('packs the engine files when npm pack runs', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files = new Set(packed.files.map((file) => file.path));
    for (const file of [...ENGINE_FILES, 'package.json']) assert.ok(files.has(file), `${file} not in the package`);
    assert.ok(![...files].some((file) => file.startsWith('build/') || file.startsWith('node_modules/')), 'build output in the package');
  });
});
