// npm run package: build everything, then zip the two unpacked extensions
// into dist/whosays-chromium.zip and dist/whosays-firefox.zip, the files a
// store upload takes. Uses Debian's `zip` (scripts/setup.sh installs it) with
// -X so the archives carry no owner ids or extra timestamps.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });

for (const browser of ['chromium', 'firefox']) {
  const source = path.join(root, 'dist/extension', browser);
  if (!existsSync(path.join(source, 'manifest.json'))) {
    throw new Error(`package: ${source}/manifest.json is missing; the build did not write the ${browser} extension`);
  }
  const archive = path.join(root, 'dist', `whosays-${browser}.zip`);
  rmSync(archive, { force: true });
  // The manifest must sit at the archive's root, so zip from inside the folder.
  execFileSync('zip', ['-q', '-r', '-X', '-9', archive, '.'], { cwd: source, stdio: 'inherit' });
  console.log(`package: ${path.relative(root, archive)} ${(statSync(archive).size / 1024).toFixed(1)} KB`);
}
