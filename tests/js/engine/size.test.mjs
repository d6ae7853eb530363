// The engine's size budget (docs/wasm.md): the .wasm and its glue, gzip -9,
// at most 150,000 bytes together, so the script tag stays quick to load.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUDGET = 150_000;

function gzipped(file) {
  return gzipSync(readFileSync(path.join(root, 'dist/engine', file)), { level: constants.Z_BEST_COMPRESSION }).length;
}

describe('engine size', () => {
  it('keeps the wasm and its glue within the budget when gzipped', () => {
    const total = gzipped('whosays-core.wasm') + gzipped('whosays-core.js');
    assert.ok(total <= BUDGET, `wasm + glue is ${total} B gzip -9, over the ${BUDGET} B budget`);
  });
});
