import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { OFFLINE_ROOTS, pageFiles, type ViteManifest } from './web-graph.ts';

/** Files of public/ the worker keeps besides the build's own. */
const PUBLIC_FILES = [
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon.svg',
];

/**
 * Builds the service worker (src/web/sw/sw.ts) into `<outDir>/sw.js` after the app:
 * one classic script with everything inlined (no imports, so every browser with service
 * workers runs it), given the list of files to keep offline — index.html and the chunks
 * of the call page and its frame, read from the build's manifest — and a version that
 * changes with that list and with index.html, so each build installs a new worker.
 */
export function serviceWorkerPlugin(options: { root: string; entry: string }): Plugin {
  let outDir = '';
  return {
    name: 'luoshi-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      if (!config.build.manifest) throw new Error('the service worker needs build.manifest: true');
    },
    async writeBundle(_options, bundle) {
      const manifestFile = bundle['.vite/manifest.json'];
      const indexFile = bundle['index.html'];
      if (manifestFile?.type !== 'asset' || indexFile?.type !== 'asset') {
        throw new Error('the web build wrote no manifest or no index.html');
      }
      const manifest = JSON.parse(String(manifestFile.source)) as ViteManifest;
      const files = pageFiles(manifest, OFFLINE_ROOTS, true);
      const precache = [
        '/index.html',
        ...PUBLIC_FILES,
        ...[...files.js, ...files.css, ...files.assets].map((file) => `/${file}`),
      ];
      const version = createHash('sha256')
        .update(precache.join('\n'))
        .update(String(indexFile.source))
        .digest('hex')
        .slice(0, 16);
      await build({
        configFile: false,
        root: options.root,
        publicDir: false,
        logLevel: 'warn',
        define: {
          __LUOSHI_PRECACHE__: JSON.stringify(precache),
          __LUOSHI_SW_VERSION__: JSON.stringify(version),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2020',
          rolldownOptions: {
            input: path.resolve(options.root, options.entry),
            output: { format: 'iife', entryFileNames: 'sw.js' },
          },
        },
      });
    },
  };
}
