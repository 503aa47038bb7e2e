#!/usr/bin/env node
// Builds the web app into dist/web, but only when dist/web/index.html is missing or older
// than the newest of its sources, so `npm start` and `npm run test:e2e` do not rebuild
// on every run. Prints one line saying what it did.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist', 'web', 'index.html');
// src/shared is in tsconfig.web.json's scope: the web app may import its types and schemas.
// public/ (manifest, icons) and build/ (the service worker plugin) go into the build too.
const sources = ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'public', 'build'];

/** The most recently modified file under `target` (a file or a folder), or null when there is none. */
function newestFile(target) {
  if (!existsSync(target)) return null;
  const stat = statSync(target);
  if (stat.isFile()) return { file: target, mtimeMs: stat.mtimeMs };
  let newest = null;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const found = newestFile(path.join(target, entry.name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

let newestSource = null;
for (const source of sources) {
  const found = newestFile(path.join(root, source));
  if (found && (!newestSource || found.mtimeMs > newestSource.mtimeMs)) newestSource = found;
}

const built = existsSync(output) ? statSync(output).mtimeMs : null;
if (built !== null && newestSource !== null && built >= newestSource.mtimeMs) {
  console.log('web: dist/web is up to date, not rebuilt');
} else {
  const reason =
    built === null
      ? 'dist/web/index.html was missing'
      : `${path.relative(root, newestSource?.file ?? output)} is newer than the build`;
  const started = performance.now();
  let build;
  try {
    ({ build } = await import('vite'));
  } catch {
    // vite is a devDependency: an install with --omit=dev must ship a prebuilt dist/web.
    console.error(`web: cannot build dist/web (${reason}): vite is not installed; run npm install`);
    process.exit(1);
  }
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`web: built dist/web in ${seconds} s (${reason})`);
}
