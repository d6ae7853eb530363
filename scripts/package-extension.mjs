// npm run package: build everything, then zip the two unpacked extensions
// into dist/whosays-chromium.zip and dist/whosays-firefox.zip, the files a
// store upload takes. Uses the `zip` command (scripts/setup.sh installs it)
// with -X so the archives carry no owner ids or extra timestamps.
//
//   node scripts/package-extension.mjs            build, then zip
//   node scripts/package-extension.mjs --no-build zip what dist/extension holds
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BROWSERS = ['chromium', 'firefox'];

// Zips dist/extension/<browser>/ into <outDir>/whosays-<browser>.zip for each
// browser; returns the archives' paths. Throws when a build is missing.
export function packageExtensions({ root = defaultRoot, outDir = path.join(root, 'dist') } = {}) {
  mkdirSync(outDir, { recursive: true });
  return BROWSERS.map((browser) => {
    const source = path.join(root, 'dist/extension', browser);
    if (!existsSync(path.join(source, 'manifest.json'))) {
      throw new Error(`package: ${source}/manifest.json is missing; run npm run build first`);
    }
    const archive = path.join(outDir, `whosays-${browser}.zip`);
    rmSync(archive, { force: true });
    // The manifest must sit at the archive's root, so zip from inside the folder.
    execFileSync('zip', ['-q', '-r', '-X', '-9', archive, '.'], { cwd: source, stdio: 'inherit' });
    return archive;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, [path.join(defaultRoot, 'scripts/build.mjs')], { stdio: 'inherit', cwd: defaultRoot });
  }
  for (const archive of packageExtensions()) {
    console.log(`package: ${path.relative(defaultRoot, archive)} ${(statSync(archive).size / 1024).toFixed(1)} KB`);
  }
}
