import { existsSync } from 'node:fs';
import { run } from './program.ts';

// Values already in the environment win over the .env file, as operators expect.
if (existsSync('.env')) process.loadEnvFile('.env');
process.exitCode = await run(process.argv.slice(2), process.env);
