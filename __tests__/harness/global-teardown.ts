/** Jest globalTeardown: stops the PostgreSQL cluster global-setup.ts started and removes its temp dir. */
import type { PostgresCluster } from '../../devtools/postgres.js';

declare global {
  var __UBOS_TEST_PG_CLUSTER__: PostgresCluster | undefined;
}

export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__UBOS_TEST_PG_CLUSTER__;
  globalThis.__UBOS_TEST_PG_CLUSTER__ = undefined;
  if (cluster) await cluster.stop();
}
