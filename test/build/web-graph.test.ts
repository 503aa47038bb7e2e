import { describe, expect, it } from 'vitest';
import { ENTRY, pageFiles, type ViteManifest } from '../../build/web-graph.ts';

/** The shape Vite writes: the entry, lazy pages, shared chunks (keys starting with `_`). */
const MANIFEST: ViteManifest = {
  [ENTRY]: {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_react-1.js', '_i18n-1.js'],
    dynamicImports: ['src/Login.tsx', 'src/Shell.tsx', 'src/Call.tsx', 'src/Dashboard.tsx'],
    css: ['assets/index-1.css'],
  },
  '_react-1.js': { file: 'assets/react-1.js' },
  '_i18n-1.js': { file: 'assets/i18n-1.js', imports: ['_react-1.js'] },
  '_form-1.js': { file: 'assets/form-1.js', imports: ['_react-1.js'] },
  'src/Login.tsx': { file: 'assets/Login-1.js', isDynamicEntry: true, imports: ['_form-1.js', ENTRY] },
  'src/Shell.tsx': { file: 'assets/Shell-1.js', isDynamicEntry: true, imports: [ENTRY] },
  'src/Call.tsx': {
    file: 'assets/Call-1.js',
    isDynamicEntry: true,
    imports: ['_form-1.js', ENTRY],
    dynamicImports: ['src/Map.tsx'],
    assets: ['assets/marker-1.png'],
  },
  'src/Map.tsx': { file: 'assets/Map-1.js', isDynamicEntry: true, imports: ['_react-1.js'] },
  'src/Dashboard.tsx': { file: 'assets/Dashboard-1.js', isDynamicEntry: true, imports: ['_charts-1.js'] },
  '_charts-1.js': { file: 'assets/charts-1.js' },
};

describe('web build graph', () => {
  it('a page costs the entry, its static imports and the lazy modules it renders, not the other pages', () => {
    const login = pageFiles(MANIFEST, [ENTRY, 'src/Login.tsx']);
    expect(login.js).toEqual([
      'assets/Login-1.js',
      'assets/form-1.js',
      'assets/i18n-1.js',
      'assets/index-1.js',
      'assets/react-1.js',
    ]);
    expect(login.css).toEqual(['assets/index-1.css']);
    const call = pageFiles(MANIFEST, [ENTRY, 'src/Shell.tsx', 'src/Call.tsx']);
    expect(call.js).not.toContain('assets/Map-1.js');
    expect(call.js).not.toContain('assets/charts-1.js');
    expect(call.assets).toEqual(['assets/marker-1.png']);
  });

  it('C1: the offline list follows a page’s own lazy imports, never the entry’s (all the other pages)', () => {
    const offline = pageFiles(MANIFEST, [ENTRY, 'src/Shell.tsx', 'src/Call.tsx'], true);
    expect(offline.js).toContain('assets/Map-1.js');
    expect(offline.js).not.toContain('assets/Dashboard-1.js');
    expect(offline.js).not.toContain('assets/Login-1.js');
  });

  it('names a page module that left the build', () => {
    expect(() => pageFiles(MANIFEST, [ENTRY, 'src/Gone.tsx'])).toThrow(
      'src/Gone.tsx is not in the web build',
    );
  });
});
