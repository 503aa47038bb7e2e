import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_MODULES } from '../../src/web/i18n/dictionary-split.ts';
import { zhCNCore } from '../../src/web/i18n/zh-CN.core.ts';
import { zhCNRest } from '../../src/web/i18n/zh-CN.rest.ts';
import { zhCN } from '../../src/web/i18n/zh-CN.ts';

const WEB = fileURLToPath(new URL('../../src/web/', import.meta.url));

/** The lazily imported modules of `file` that do not wait for the rest of the dictionary. */
function eagerLazyImports(file: string): string[] {
  const source = readFileSync(path.join(WEB, file), 'utf8');
  return [...source.matchAll(/(withChineseRest\()?import\('(\.[^']+)'\)/g)]
    .filter((match) => !match[1])
    .map((match) => path.relative(WEB, path.resolve(path.dirname(path.join(WEB, file)), match[2] as string)));
}

/** The relative modules `file` imports statically (`import type` and `import()` excluded). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
    found.push(path.resolve(path.dirname(file), match[1] as string));
  }
  for (const match of source.matchAll(/^import\s+'(\.[^']+)'/gm)) {
    found.push(path.resolve(path.dirname(file), match[1] as string));
  }
  return found;
}

/** Every module the core pages load without awaiting the rest of the dictionary. */
function coreGraph(): string[] {
  const seen = new Set<string>();
  const stack = CORE_MODULES.map((m) => path.join(WEB, m));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file) || file.includes(`${path.sep}i18n${path.sep}`)) continue;
    seen.add(file);
    stack.push(...staticImports(file));
  }
  return [...seen];
}

/** The message keys a module names: literal keys, and every key under a `prefix.${…}` template. */
function keysUsed(file: string, keys: string[]): string[] {
  const source = readFileSync(file, 'utf8');
  const used = new Set<string>();
  for (const match of source.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
    if (keys.includes(match[1] as string)) used.add(match[1] as string);
  }
  for (const match of source.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)*\.)\$\{/g)) {
    for (const key of keys) if (key.startsWith(match[1] as string)) used.add(key);
  }
  return [...used];
}

describe('the Chinese dictionary in two parts', () => {
  it('has every key exactly once: the core (loaded with the page) or the rest (loaded with other pages)', () => {
    const both = Object.keys(zhCNCore).filter((key) => Object.hasOwn(zhCNRest, key));
    expect(both).toEqual([]);
    expect(Object.keys(zhCN).length).toBe(Object.keys(zhCNCore).length + Object.keys(zhCNRest).length);
  });

  it('loads with the core alone only the pages listed as core; every other page waits for the rest', () => {
    const core: readonly string[] = CORE_MODULES;
    const eager = ['app/App.tsx', 'app/guards.tsx', 'app/AppShell.tsx', 'components/NotificationBell.tsx']
      .flatMap(eagerLazyImports)
      .filter((module) => !module.startsWith('i18n/'));
    expect(eager.length).toBeGreaterThan(5);
    expect(eager.filter((module) => !core.includes(module))).toEqual([]);
  });

  it('holds in its core every key that the login, home, call and frame pages name', () => {
    const keys = Object.keys(zhCN);
    const graph = coreGraph();
    // The walk must reach the pages themselves, or it proves nothing.
    expect(graph.some((file) => file.endsWith('CallPage.tsx'))).toBe(true);
    expect(graph.some((file) => file.endsWith('HomePage.tsx'))).toBe(true);
    const missing: string[] = [];
    for (const file of graph) {
      for (const key of keysUsed(file, keys)) {
        if (!Object.hasOwn(zhCNCore, key)) missing.push(`${path.relative(WEB, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
