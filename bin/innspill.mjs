#!/usr/bin/env node
// Runs the compiled program in dist/, which the package's `prepare` script builds at `npm install`
// and `npm ci` (or `npm run build` after editing the sources).
try {
  await import('../dist/adapters/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/adapters/cli/main.js')) throw error;
  process.stderr.write('innspill: the compiled program is missing (dist/); run `npm run build` in the package folder\n');
  process.exitCode = 1;
}
