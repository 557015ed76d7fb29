#!/usr/bin/env node
// Entry point for `npm start` and `npx sieve ...`: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
