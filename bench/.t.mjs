const z = await import('zod');
if (process.argv[2] === 'jitless') z.config({ jitless: true });
const c = await import('../dist/adapters/cli/config.js');
let t = performance.now();
const { isValidTimeZone } = await import('../dist/src/time.js');
if (process.argv[3]) { isValidTimeZone('Europe/Oslo'); console.log('tz', (performance.now() - t).toFixed(1)); }
t = performance.now(); c.loadConfig(process.env); console.log('loadConfig', (performance.now() - t).toFixed(1));
