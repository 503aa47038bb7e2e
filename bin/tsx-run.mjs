#!/usr/bin/env node
// Runs one TypeScript entry file (benchmarks, scripts) through tsx's loader.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const entry = process.argv[2];
if (!entry) {
  console.error('usage: tsx-run.mjs <file.ts> [args…]');
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(entry)).href);
