#!/usr/bin/env node
// The `luoshi` command. TypeScript sources run through tsx's loader so the same
// files work on Node 20, 22 and 24 without a separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
