// Any other router, through commands the workflow author wrote in the router config (they run only because
// that config names them, with `sh -c` in the config's directory):
//   apply   gets the weights as environment variables (BGS_WEIGHTS='{"blue":90,"green":10}', BGS_WEIGHT_BLUE=90,
//           BGS_WEIGHT_GREEN=10, BGS_SERVERS_BLUE=...) and exits 0 once the router has them;
//   status  prints the router's current weights as JSON ({"blue": 90, "green": 10} or {"weights": {...}});
//   drain   (optional) gets BGS_DRAIN_COLORS and exits 0 once those colours have no requests in flight.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type {
  ApplyOutcome,
  Color,
  DrainOutcome,
  Router,
  RouterConfig,
  RouterDependencies,
  RouterReading,
  Weights
} from '../engine/types.js';
import { formatWeights, validateWeights } from '../engine/weights.js';
import { failureLine, runShell } from './support/process.js';

export function envName(color: Color): string {
  return color.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

export function createCommandRouter(config: RouterConfig, dependencies: RouterDependencies): Router {
  const spec = config.command!;
  const colors = config.colors.map((c) => c.name);
  const baseEnv = (): Record<string, string | undefined> => {
    const env: Record<string, string | undefined> = { ...dependencies.env, BGS_COLORS: colors.join(',') };
    for (const c of config.colors) env[`BGS_SERVERS_${envName(c.name)}`] = c.servers.join(',');
    return env;
  };
  const run = (what: string, command: string, env: Record<string, string | undefined>, signal: AbortSignal) =>
    runShell(command, { timeoutMs: spec.timeoutMs, cwd: spec.cwd, env, signal }).then((result) => {
      if (result.code !== 0)
        throw new ConfigurationError(failureLine(`command router ${what} (${command})`, result, spec.timeoutMs));
      return result;
    });

  const read = async (signal: AbortSignal): Promise<RouterReading> => {
    const result = await run('status', spec.status, baseEnv(), signal);
    let parsed: unknown;
    try {
      parsed = JSON.parse(result.stdout);
    } catch {
      const first = result.stdout.trim().split('\n')[0] ?? '';
      throw new ConfigurationError(`command router status printed no JSON: ${JSON.stringify(first.slice(0, 80))}`);
    }
    const raw = typeof parsed === 'object' && parsed !== null && 'weights' in parsed ? parsed.weights : parsed;
    const weights = validateWeights(raw, colors, 'command router status');
    return {
      weights,
      servers: config.colors.flatMap((c) =>
        c.servers.map((s) => ({ color: c.name, name: s, weight: weights[c.name], state: 'unknown' as const }))
      ),
      detail: `command router status (${spec.status})`
    };
  };

  return {
    type: 'command',
    // The commands may be edited between runs; the colours and their servers are what the state is about.
    identity: `command:${spec.cwd}#${config.colors.map((c) => `${c.name}=${c.servers.join('+')}`).join(',')}`,
    describe: () => `command router (${spec.apply})`,
    async preflight(context) {
      await read(context.signal);
    },
    read: (context) => read(context.signal),
    async apply(weights: Weights, context): Promise<ApplyOutcome> {
      const env: Record<string, string | undefined> = { ...baseEnv(), BGS_WEIGHTS: JSON.stringify(weights) };
      for (const [color, weight] of Object.entries(weights)) env[`BGS_WEIGHT_${envName(color)}`] = String(weight);
      const result = await run('apply', spec.apply, env, context.signal);
      const said = result.stdout.trim().split('\n').pop();
      return {
        message: `applied ${formatWeights(weights)} with ${spec.apply}${said ? `: ${said.slice(0, 200)}` : ''}`,
        warnings: []
      };
    },
    async drain(drainColors: Color[], context): Promise<DrainOutcome> {
      if (!spec.drain) return { drained: true, message: 'no drain command configured' };
      const result = await runShell(spec.drain, {
        timeoutMs: spec.timeoutMs,
        cwd: spec.cwd,
        env: { ...baseEnv(), BGS_DRAIN_COLORS: drainColors.join(',') },
        signal: context.signal
      });
      return result.code === 0
        ? { drained: true, message: `drain command done for ${drainColors.join(', ')}` }
        : { drained: false, message: failureLine(`command router drain (${spec.drain})`, result, spec.timeoutMs) };
    }
  };
}
