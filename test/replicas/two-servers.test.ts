import { join } from 'node:path';
import { describeTwoReplicas } from './two-servers.ts';

describeTwoReplicas('SQLite (one file, WAL)', async (dir) => ({ DATABASE_PATH: join(dir, 'innspill.db') }));
