// `ubos-actions contract-test live` and `contract-test replay`: flags to the live engine and its renderers.
// cli.ts dispatches the two subcommands here (runLiveCommand, runReplayCommand). Secrets come from environment
// variables, never flags, so they stay out of shell history and process lists:
//   CONTRACT_TEST_AUTH_BEARER    token for http bearer, oauth2 and openIdConnect schemes
//   CONTRACT_TEST_AUTH_BASIC     user:password for http basic schemes
//   CONTRACT_TEST_AUTH_API_KEY   value for apiKey schemes (header, query or cookie, as the scheme says)
//   CONTRACT_TEST_AUTH_SCHEMES   JSON object of per-scheme values, e.g. {"adminKey":"..."}, overriding the above
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCliArgs, parseFormat, type CliIo } from '../../../shared/src/cli/command.js';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import {
  findDredd,
  loadHooksFile,
  loadLiveSpec,
  parseOperationList,
  renderLiveJson,
  renderLiveJUnit,
  renderLiveMarkdown,
  renderLiveText,
  renderReplay,
  renderReplayJson,
  renderReplayJUnit,
  renderReplayMarkdown,
  renderReplayText,
  replayFailures,
  runDredd,
  runLive,
  type AuthSecrets,
  type LiveResult
} from './live/index.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';

export const LIVE_USAGE = [
  'ubos-actions contract-test live <spec> --base-url <url> [--checks all|id,...] [--seed N] [--budget N]',
  '    [--max-response-time 2s] [--timeout 10s] [--concurrency 4] [--hooks file] [--changed "METHOD /path,..."]',
  '    [--base-spec file] [--engine ubos|dredd] [--dredd-config dredd.yml] [--junit-file f] [--replay-file f]',
  '    [--report-file f] [--format text|json|junit|markdown] [--allow-external-refs none|files|urls|all]',
  '  secrets from the environment: CONTRACT_TEST_AUTH_BEARER, CONTRACT_TEST_AUTH_BASIC (user:password),',
  '    CONTRACT_TEST_AUTH_API_KEY, CONTRACT_TEST_AUTH_SCHEMES (JSON: {"schemeName": "value"})'
].join('\n       ');

export const REPLAY_USAGE =
  'ubos-actions contract-test replay <replay-file> --base-url <url> [--timeout 10s] [--format text|json|junit|markdown]';

export interface LiveCliContext {
  /** Where secrets are read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** The package version, for the JSON envelope. */
  version?: string;
}

/** The auth secrets from the environment variables documented above. */
export function authFromEnv(env: Record<string, string | undefined>): AuthSecrets {
  const auth: AuthSecrets = {};
  const value = (name: string) => (env[name] !== undefined && env[name] !== '' ? env[name] : undefined);
  if (value('CONTRACT_TEST_AUTH_BEARER')) auth.bearer = value('CONTRACT_TEST_AUTH_BEARER');
  if (value('CONTRACT_TEST_AUTH_BASIC')) auth.basic = value('CONTRACT_TEST_AUTH_BASIC');
  if (value('CONTRACT_TEST_AUTH_API_KEY')) auth.apiKey = value('CONTRACT_TEST_AUTH_API_KEY');
  const schemes = value('CONTRACT_TEST_AUTH_SCHEMES');
  if (schemes) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(schemes);
    } catch {
      throw new ConfigurationError('CONTRACT_TEST_AUTH_SCHEMES must be a JSON object of scheme name to secret');
    }
    if (
      parsed === null ||
      typeof parsed !== 'object' ||
      Array.isArray(parsed) ||
      !Object.values(parsed).every((v) => typeof v === 'string')
    )
      throw new ConfigurationError(
        'CONTRACT_TEST_AUTH_SCHEMES must be a JSON object of scheme name to secret (strings)'
      );
    auth.schemes = parsed as Record<string, string>;
  }
  return auth;
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new ConfigurationError(`${flag} must be a whole number; got "${value}"`);
  return Number(value);
}

function list(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const items = values
    .flatMap((v) => v.split(/[\r\n,]/))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function write(io: CliIo, file: string | undefined, text: string): void {
  if (file === undefined) return;
  try {
    writeFileSync(resolve(io.cwd, file), text);
  } catch (error) {
    throw new ConfigurationError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

export async function runLiveCommand(argv: string[], io: CliIo, context: LiveCliContext = {}): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, {
    'base-url': { type: 'string' },
    checks: { type: 'string', multiple: true },
    seed: { type: 'string' },
    budget: { type: 'string' },
    'max-response-time': { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    hooks: { type: 'string' },
    changed: { type: 'string', multiple: true },
    'base-spec': { type: 'string' },
    engine: { type: 'string' },
    'dredd-config': { type: 'string' },
    'junit-file': { type: 'string' },
    'replay-file': { type: 'string' },
    'report-file': { type: 'string' },
    format: { type: 'string' },
    'allow-external-refs': { type: 'string', multiple: true }
  });
  const format = parseFormat(values.format, ['text', 'json', 'junit', 'markdown'], 'text');
  if (positionals.length !== 1) throw new ConfigurationError(`live takes one spec; usage: ${LIVE_USAGE}`);
  const baseUrl = values['base-url'];
  if (!baseUrl) throw new ConfigurationError('live needs --base-url (where the server under test listens)');
  const engine = values.engine ?? 'ubos';
  if (engine !== 'ubos' && engine !== 'dredd')
    throw new ConfigurationError(`--engine must be ubos or dredd; got "${engine}"`);
  const env = context.env ?? process.env;
  const auth = authFromEnv(env);
  const refs = parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs');
  const specOptions = { workspace: io.cwd, allowExternalFiles: refs.files, allowRemoteRefs: refs.urls };
  const spec = await loadLiveSpec(positionals[0]!, specOptions);
  const meta = { version: context.version ?? '0.0.0' };

  let result: LiveResult;
  let replayText: string | undefined;
  if (engine === 'dredd') {
    const command = findDredd(io.cwd, env.PATH);
    if (!command)
      throw new ConfigurationError(
        'engine dredd needs Dredd: npm install --save-dev dredd@14.1.0 (looked in node_modules/.bin and PATH)'
      );
    // Dredd gets the environment without our secrets; they reach it through its config file.
    const childEnv = Object.fromEntries(
      Object.entries(env).filter(([name]) => !name.startsWith('CONTRACT_TEST_AUTH_'))
    );
    result = await runDredd({
      spec,
      specPath: resolve(io.cwd, positionals[0]!),
      baseUrl,
      configFile: values['dredd-config'],
      hooksFile: values.hooks,
      command,
      auth,
      cwd: io.cwd,
      env: childEnv
    });
  } else {
    const run = await runLive({
      spec,
      baseUrl,
      checks: list(values.checks),
      seed: wholeNumber(values.seed, '--seed'),
      budget: wholeNumber(values.budget, '--budget'),
      maxResponseTimeMs:
        values['max-response-time'] !== undefined ? parseDuration(values['max-response-time']) : undefined,
      timeoutMs: values.timeout !== undefined ? parseDuration(values.timeout) : undefined,
      concurrency: wholeNumber(values.concurrency, '--concurrency'),
      auth,
      hooks: values.hooks !== undefined ? await loadHooksFile(values.hooks, io.cwd) : undefined,
      changedOperations: values.changed ? parseOperationList(values.changed, '--changed') : undefined,
      baseSpec: values['base-spec'] !== undefined ? await loadLiveSpec(values['base-spec'], specOptions) : undefined,
      onProgress: (line) => io.stderr(`${line}\n`)
    });
    result = run.result;
    replayText = renderReplay(run);
  }
  write(io, values['junit-file'], renderLiveJUnit(result));
  write(io, values['report-file'], renderLiveJson(result, meta));
  if (values['replay-file'] !== undefined) {
    if (replayText === undefined) io.stderr('no replay file: the dredd engine does not record exchanges for replay\n');
    else write(io, values['replay-file'], replayText);
  }
  io.stdout(
    format === 'json'
      ? renderLiveJson(result, meta)
      : format === 'junit'
        ? renderLiveJUnit(result)
        : format === 'markdown'
          ? renderLiveMarkdown(result)
          : renderLiveText(result)
  );
  return result.verdict === 'fail' ? 1 : 0;
}

export async function runReplayCommand(argv: string[], io: CliIo, context: LiveCliContext = {}): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, {
    'base-url': { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string' }
  });
  const format = parseFormat(values.format, ['text', 'json', 'junit', 'markdown'], 'text');
  if (positionals.length !== 1) throw new ConfigurationError(`replay takes one replay file; usage: ${REPLAY_USAGE}`);
  if (!values['base-url']) throw new ConfigurationError('replay needs --base-url (where to send the requests again)');
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = await replayFailures({
    text,
    file,
    baseUrl: values['base-url'],
    auth: authFromEnv(context.env ?? process.env),
    timeoutMs: values.timeout !== undefined ? parseDuration(values.timeout) : undefined
  });
  const meta = { version: context.version ?? '0.0.0' };
  io.stdout(
    format === 'json'
      ? renderReplayJson(result, meta)
      : format === 'junit'
        ? renderReplayJUnit(result)
        : format === 'markdown'
          ? renderReplayMarkdown(result)
          : renderReplayText(result)
  );
  return result.verdict === 'fail' ? 1 : 0;
}
