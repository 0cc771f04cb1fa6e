import { createRequire } from 'node:module';

/**
 * The package's version. This file runs from the sources (adapters/cli/version.ts) or compiled
 * (dist/adapters/cli/version.js), one folder deeper; the extension says which.
 */
const ROOT = import.meta.url.endsWith('.ts') ? '../../' : '../../../';

export const VERSION: string = (createRequire(import.meta.url)(`${ROOT}package.json`) as { version: string }).version;
