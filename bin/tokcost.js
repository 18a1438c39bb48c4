#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx tokcost` needs no build step after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
