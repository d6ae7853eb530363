// The shipped artefacts: both zips (npm run package's step), web-ext lint on
// the Firefox build, and the static half of the privacy promise: no remote
// code or address anywhere the browser would load from.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { packageExtensions } from '../../../scripts/package-extension.mjs';
import { chromiumBuild, firefoxBuild, requireBuild, root } from './harness.mjs';

// The entries of a zip archive, {name: bytes}, read from its central
// directory (stored or deflated entries, which is all zip -9 writes).
function readZip(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} has no end-of-central-directory record`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = {};
  for (let index = 0; index < count; index += 1) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith('/')) entries[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function filesUnder(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file, `${prefix}${name}/`) : [`${prefix}${name}`];
  }).sort();
}

describe('packaged extension', () => {
  let outDir;
  let archives;

  before(() => {
    requireBuild();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'whosays-package-'));
    archives = packageExtensions({ root, outDir });
  });

  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes one zip per browser holding exactly its unpacked build when packaging', () => {
    assert.deepEqual(archives.map((file) => path.basename(file)), ['whosays-chromium.zip', 'whosays-firefox.zip']);
    for (const [archive, build] of [[archives[0], chromiumBuild], [archives[1], firefoxBuild]]) {
      const entries = readZip(archive);
      assert.deepEqual(Object.keys(entries).sort(), filesUnder(build));
      assert.deepEqual(entries['manifest.json'], readFileSync(path.join(build, 'manifest.json')));
      assert.deepEqual(entries['engine/whosays-core.wasm'], readFileSync(path.join(build, 'engine/whosays-core.wasm')));
    }
  });

  it('reports no errors when web-ext lints the Firefox build', () => {
    const bin = path.join(root, 'node_modules/.bin/web-ext');
    let output;
    try {
      output = execFileSync(bin, ['lint', '--source-dir', firefoxBuild, '--output', 'json', '--no-config-discovery'], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
      output = error.stdout;
    }
    const report = JSON.parse(output.slice(output.indexOf('{')));
    assert.deepEqual(report.errors.map((entry) => `${entry.code}: ${entry.message}`), []);
    assert.equal(report.summary.errors, 0);
  });

  it('loads nothing remote when a page or the manifest names a file', () => {
    for (const build of [chromiumBuild, firefoxBuild]) {
      const manifest = readFileSync(path.join(build, 'manifest.json'), 'utf8');
      assert.doesNotMatch(manifest, /https?:\/\//, 'the manifest names no remote address');
      for (const page of ['popup.html', 'options.html']) {
        const html = readFileSync(path.join(build, page), 'utf8');
        const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
        assert.ok(references.length > 0);
        for (const reference of references) {
          assert.doesNotMatch(reference, /^(?:[a-z]+:)?\/\//i, `${page} loads ${reference} from elsewhere`);
        }
      }
    }
  });

  it('ships the same code to both browsers, only the manifests differ', () => {
    const chromium = filesUnder(chromiumBuild);
    assert.deepEqual(filesUnder(firefoxBuild), chromium);
    for (const file of chromium.filter((name) => name !== 'manifest.json')) {
      assert.ok(readFileSync(path.join(chromiumBuild, file)).equals(readFileSync(path.join(firefoxBuild, file))), file);
    }
  });
});
