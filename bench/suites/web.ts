/**
 * Issue 8 §3: the gzipped JavaScript a page loads — the login page and the grid worker's
 * pages (where they land, and the call page) — each at most 300 KB. Builds the web app
 * into a scratch folder (dist/web is left alone: tests may be serving it), or reads the
 * build in BENCH_WEB_DIST, and follows Vite's manifest: the HTML entry, its static
 * imports, and each lazily loaded page module the route renders at once with its static
 * imports (build/web-graph.ts). Each file is gzipped at zlib's default level, as a
 * server or proxy compressing on the fly would send it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { OFFLINE_ROOTS, PAGE_ROOTS, pageFiles, type ViteManifest } from '../../build/web-graph.ts';
import type { Measurement, Suite } from '../harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_KB = 300;

async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function run(): Promise<Measurement[]> {
  const given = process.env.BENCH_WEB_DIST;
  const dir = given ? path.resolve(given) : mkdtempSync(path.join(tmpdir(), 'luoshi-web-bench-'));
  try {
    if (!given) await buildInto(dir);
    const manifest = JSON.parse(
      readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8'),
    ) as ViteManifest;
    const sizes = new Map<string, { raw: number; gzip: number }>();
    const size = (file: string) => {
      let found = sizes.get(file);
      if (!found) {
        const bytes = readFileSync(path.join(dir, file));
        found = { raw: bytes.length, gzip: gzipSync(bytes).length };
        sizes.set(file, found);
      }
      return found;
    };

    const measurements: Measurement[] = [];
    const pages: [string, readonly string[]][] = [
      ['login', PAGE_ROOTS.login],
      ['grid worker home (/)', PAGE_ROOTS.gridWorkerHome],
      ['call page (/cases/new)', PAGE_ROOTS.call],
    ];
    for (const [name, roots] of pages) {
      const files = pageFiles(manifest, roots);
      const gzip = files.js.reduce((sum, file) => sum + size(file).gzip, 0);
      const raw = files.js.reduce((sum, file) => sum + size(file).raw, 0);
      const largest = [...files.js]
        .sort((a, b) => size(b).gzip - size(a).gzip)
        .slice(0, 8)
        .map((file) => ({ file, gzipKB: kb(size(file).gzip) }));
      measurements.push({
        name: `${name} JS gzip`,
        unit: 'KB',
        value: kb(gzip),
        target: { value: TARGET_KB, unit: 'KB', met: kb(gzip) <= TARGET_KB, comparison: '≤' },
        detail: { roots, files: files.js.length, rawKB: kb(raw), css: files.css, largest },
      });
    }

    // What the service worker keeps for the offline call page (first visit's extra download).
    const offline = pageFiles(manifest, OFFLINE_ROOTS, true);
    const sw = statSync(path.join(dir, 'sw.js')).size;
    measurements.push({
      name: 'offline shell JS gzip',
      unit: 'KB',
      value: kb(offline.js.reduce((sum, file) => sum + size(file).gzip, 0)),
      detail: { files: offline.js.length, swRawKB: kb(sw), swGzipKB: kb(size('sw.js').gzip) },
    });

    // The whole app, for scale.
    const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((f) =>
      f.endsWith('.js'),
    );
    measurements.push({
      name: 'all JS gzip',
      unit: 'KB',
      value: kb(all.reduce((sum, file) => sum + size(file).gzip, 0)),
      detail: { files: all.length },
    });
    return measurements;
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
}

export const web: Suite = { name: 'web', run };
