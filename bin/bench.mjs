#!/usr/bin/env node
// `npm run bench [-- part…]`: runs the benchmarks from the TypeScript sources through tsx, like bin/innspill.mjs.
import { register } from 'tsx/esm/api';

register();
await import('../bench/index.ts');
