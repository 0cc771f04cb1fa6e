import { TEST_DATABASE_URL, usePostgresSchemas } from '../helpers/postgres.ts';
import { describeTwoReplicas, postgresEnv } from './two-servers.ts';

// A file of its own, so the two scenarios (real processes, each the longest test of its half) run
// side by side on the two workers. Included only with TEST_DATABASE_URL (vitest.config.ts).
describeTwoReplicas('PostgreSQL', postgresEnv(usePostgresSchemas(TEST_DATABASE_URL!)));
