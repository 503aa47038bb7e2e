import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from './config.ts';

describe('docs/CONFIG.md', () => {
  it('documents every config key and no unknown one', () => {
    const text = readFileSync(new URL('../../docs/CONFIG.md', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
