import { probeBurst } from './checks/burst.js';
import { probeHttp } from './checks/http.js';
import { probePostgres } from './checks/postgres.js';
import { probePrometheus } from './checks/prometheus.js';
import { probeRedis } from './checks/redis.js';
import { probeTcp } from './checks/tcp.js';
import type { ProbeTable } from './gate.js';

/** The real probe of each check type; tests of the scheduler inject their own table instead. */
export const probes: ProbeTable = {
  http: probeHttp,
  postgres: probePostgres,
  redis: probeRedis,
  tcp: probeTcp,
  burst: probeBurst,
  prometheus: probePrometheus
};
