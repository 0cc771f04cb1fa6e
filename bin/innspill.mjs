#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npx innspill` works right after `npm ci`
// with no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/main.ts');
