/**
 * The web build's module graph, read from Vite's manifest (dist/web/.vite/manifest.json):
 * which files a page loads. Used by the service worker plugin (what to keep offline) and
 * by the `web` bench suite (how many gzipped bytes a page costs).
 */

/** One entry of Vite's build manifest (keys are source paths, `_name.js` for shared chunks). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

/** The HTML entry's key. */
export const ENTRY = 'index.html';

/** The lazily loaded modules each page renders at once (src/web/app/App.tsx and guards.tsx). */
export const PAGE_ROOTS = {
  /** /login: the sign-in form on the bare page. */
  login: [ENTRY, 'src/web/features/auth/LoginPage.tsx'],
  /** /: where a grid worker lands — the signed-in frame and the workbench. */
  gridWorkerHome: [ENTRY, 'src/web/app/AppShell.tsx', 'src/web/features/home/HomePage.tsx'],
  /** /cases/new: the call page in the frame. */
  call: [ENTRY, 'src/web/app/AppShell.tsx', 'src/web/features/cases/CallPage.tsx'],
} as const;

/** What must open without network after one online visit (C1): the call page and what surrounds it. */
export const OFFLINE_ROOTS = [
  ...new Set([
    ...PAGE_ROOTS.login,
    ...PAGE_ROOTS.gridWorkerHome,
    ...PAGE_ROOTS.call,
    'src/web/app/ForbiddenPage.tsx',
    'src/web/features/errors/NotFoundPage.tsx',
    // Loaded on first use, not with the page, but needed offline too: the menus, the
    // bell's list, and English.
    'src/web/app/ShellMenus.tsx',
    'src/web/components/NotificationPanel.tsx',
    'src/web/i18n/en.ts',
  ]),
];

export interface PageFiles {
  /** Manifest keys of the chunks, in a stable order. */
  chunks: string[];
  js: string[];
  css: string[];
  assets: string[];
}

/**
 * The files loaded for `roots`: each root's chunk and, transitively, its static imports
 * (what the browser fetches before the code runs). With `followDynamic`, the lazy imports
 * of every root but the HTML entry are followed too (those the page may load next); the
 * entry's are the other pages. A key missing from the manifest is an error: a page moved.
 */
export function pageFiles(
  manifest: ViteManifest,
  roots: readonly string[],
  followDynamic = false,
): PageFiles {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the web build's manifest`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
    if (followDynamic && key !== ENTRY) stack.push(...(chunk.dynamicImports ?? []));
  }
  const chunks = [...seen].sort();
  const files = (pick: (chunk: ManifestChunk) => readonly string[]) =>
    [...new Set(chunks.flatMap((key) => pick(manifest[key] as ManifestChunk)))].sort();
  return {
    chunks,
    js: files((chunk) => (chunk.file.endsWith('.js') ? [chunk.file] : [])),
    css: files((chunk) => chunk.css ?? []),
    assets: files((chunk) => chunk.assets ?? []),
  };
}
