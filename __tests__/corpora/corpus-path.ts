// Where the shared corpora are: scripts/test-corpora.mjs (`npm run test:corpora`) finds them beside the
// repository, checks them and passes the folder on.
import { join } from 'node:path';

const dir = process.env.UBOS_CORPORA_DIR;
if (!dir) throw new Error('the corpus suites run under `npm run test:corpora`, which finds the shared corpora');

/** The trigger.dev Prisma history: 820 real migrations, one folder each with its migration.sql. */
export const CORPUS = join(dir, 'trigger.dev-migrations');
