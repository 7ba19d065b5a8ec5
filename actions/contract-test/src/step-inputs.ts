// From the values a workflow (inputs) or a command line (flags) gives to the options of a step: the specs
// expanded, the modes checked, the ruleset found, the ignore file read, the live settings validated, the hooks
// file loaded only when named. Shared by main.ts and cli.ts; `label` names each setting the way its adapter
// does (`Input "mode"`, `--mode`), so every mistake is one line the user can act on.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { DEFAULT_IGNORE_FILE, loadIgnoreFile, todayUtc } from './accept.js';
import { DEFAULT_CONFIG_FILE, loadCheckLevels } from './check-levels.js';
import { ALL_CHECKS } from './diff/index.js';
import type { LiveStepOptions } from './live-step.js';
import { findDredd, LIVE_CHECK_IDS, loadHooksFile, type AuthSecrets, type OperationRef } from './live/index.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';
import { parseSpecSize } from './spec/load.js';
import { expandSpecs, findWorkspaceRuleset, splitList } from './specs.js';
import { parseModes, type StepOptions, type StepReport } from './step.js';
import type { LintScopeName } from './lint/scope.js';

export interface StepValues {
  /** The workspace (action) or the working directory (CLI). */
  root: string;
  /** The `spec` input as written, or the CLI's positional specs. */
  spec: string | string[];
  mode: readonly string[];
  /** The deprecated `lint` input: false takes lint out of mode. */
  lint?: boolean;
  baseSpec?: string;
  baseRef?: string;
  ruleset?: string;
  allowExternalRefs: readonly string[];
  allowRulesetCode: boolean;
  maxSpecSize?: string;
  /** all, or changed (lint what the diff against the base reports; lint/scope.ts). */
  lintScope?: string;
  ignoreFile?: string;
  /** The config file (check levels). */
  configFile?: string;
  acceptLabel?: string;
  /** The labels of the pull request (undefined outside pull requests). */
  labels?: readonly string[];
  baseUrl?: string;
  checks?: readonly string[];
  budget?: number;
  seed?: number;
  maxResponseTimeMs?: number;
  requestTimeoutMs?: number;
  concurrency?: number;
  auth?: AuthSecrets;
  hooks?: string;
  engine?: string;
  dreddConfig?: string;
  liveAgainstBase?: boolean;
  changed?: readonly OperationRef[];
  /** The event that started the run (`pull_request_target` refuses repository code). */
  eventName?: string;
  /** The environment Dredd gets (secrets are taken out here) and where it is looked for. */
  env?: NodeJS.ProcessEnv;
  onProgress?: (line: string) => void;
  label: (setting: string) => string;
}

/** Variables that carry the step's credentials: a child process (Dredd and the hooks it runs) gets none of them. */
const SECRET_VARIABLE =
  /^(INPUT_|CONTRACT_TEST_AUTH_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|GITHUB_TOKEN$|GH_TOKEN$)/i;

export function childEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_VARIABLE.test(name)));
}

/** Every form of the auth secrets that can show up in a log: values, passwords, and base64 of user:password. */
export function authSecretForms(auth: AuthSecrets): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined) => value && out.add(value);
  for (const value of [auth.bearer, auth.apiKey, auth.basic, ...Object.values(auth.schemes ?? {})]) {
    if (!value) continue;
    add(value);
    add(Buffer.from(value, 'utf8').toString('base64'));
    const colon = value.indexOf(':');
    if (colon > 0) add(value.slice(colon + 1));
  }
  return [...out];
}

/** A JSON object of scheme name to secret (the auth-schemes input, CONTRACT_TEST_AUTH_SCHEMES). */
export function parseAuthSchemes(text: string | undefined, label: string): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never quote the value: it is a secret.
    throw new ConfigurationError(`${label} must be a JSON object of security scheme name to secret; it is not JSON`);
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === 'string')
  )
    throw new ConfigurationError(`${label} must be a JSON object of security scheme name to secret (strings)`);
  return parsed as Record<string, string>;
}

function checkBaseUrl(url: string, label: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`${label} must be an http or https URL; got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ConfigurationError(`${label} must be an http or https URL; got "${parsed.protocol}" URL`);
}

async function liveOptions(values: StepValues): Promise<LiveStepOptions> {
  const { label } = values;
  const baseUrl = values.baseUrl!;
  checkBaseUrl(baseUrl, label('base-url'));
  const engine = values.engine ?? 'ubos';
  if (engine !== 'ubos' && engine !== 'dredd')
    throw new ConfigurationError(`${label('engine')} must be ubos or dredd; got "${engine}"`);
  const checks = values.checks && !values.checks.includes('all') ? values.checks : undefined;
  for (const id of checks ?? []) {
    if (LIVE_CHECK_IDS.includes(id)) continue;
    const guess = closestName(id, LIVE_CHECK_IDS);
    throw new ConfigurationError(
      `${label('checks')}: unknown live check "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; use all or ids from ${LIVE_CHECK_IDS.join(', ')}`
    );
  }
  if (values.hooks !== undefined && values.eventName === 'pull_request_target')
    throw new ConfigurationError(
      `${label('hooks')}: a hooks file is never run in pull_request_target runs (they have the base repository's secrets and may check out the pull request's code)`
    );
  const options: LiveStepOptions = {
    baseUrl,
    engine,
    checks,
    seed: values.seed,
    budget: values.budget,
    maxResponseTimeMs: values.maxResponseTimeMs,
    timeoutMs: values.requestTimeoutMs,
    concurrency: values.concurrency,
    auth: values.auth,
    againstBase: values.liveAgainstBase === true,
    changedOperations: values.changed,
    onProgress: values.onProgress
  };
  if (engine === 'dredd') {
    const command = findDredd(values.root, values.env?.PATH);
    if (command) options.dredd = { command, configFile: values.dreddConfig, env: childEnv(values.env ?? {}) };
    options.hooksFile = values.hooks;
  } else if (values.hooks !== undefined) {
    // Naming the file is the opt-in: this is the only place repository code is imported.
    options.hooks = await loadHooksFile(values.hooks, values.root);
  }
  return options;
}

export async function stepOptions(values: StepValues): Promise<StepOptions> {
  const { label, root } = values;
  const wanted = values.mode.filter((m) => !(values.lint === false && m === 'lint'));
  if (wanted.length === 0 && values.mode.length > 0)
    throw new ConfigurationError(
      `${label('lint')} is false and ${label('mode')} has nothing else to do (${values.mode.join(', ')})`
    );
  const modes = parseModes(wanted, label('mode'));
  const notices: string[] = [];
  if (modes.includes('live') && !values.baseUrl)
    throw new ConfigurationError(`${label('base-url')} is required when mode includes live (where the server listens)`);
  if (!modes.includes('live'))
    for (const setting of ['base-url', 'hooks'] as const)
      if (values[setting === 'base-url' ? 'baseUrl' : 'hooks'])
        notices.push(`${label(setting)} is set but mode (${modes.join(', ')}) does not include live: not used`);
  const entries = typeof values.spec === 'string' ? splitList(values.spec) : values.spec;
  const specs = expandSpecs(entries, root, label('spec'));
  let ruleset = values.ruleset;
  let rulesetFound = false;
  if (ruleset === undefined && modes.includes('lint')) {
    const found = findWorkspaceRuleset(root);
    if (found) {
      ruleset = found.file;
      rulesetFound = true;
      if (found.ignored.length > 0)
        notices.push(`ruleset ${found.file} found at the workspace root is used; ${found.ignored.join(', ')} ignored`);
    }
  }
  const checkIds = ALL_CHECKS.map((c) => c.id);
  const ignore = modes.includes('diff')
    ? loadIgnoreFile(root, values.ignoreFile ?? DEFAULT_IGNORE_FILE, checkIds)
    : undefined;
  const levels = modes.includes('diff')
    ? loadCheckLevels(root, values.configFile ?? DEFAULT_CONFIG_FILE, checkIds)
    : undefined;
  if (levels && levels.levels.size > 0)
    notices.push(`check levels from ${levels.file}: ${[...levels.levels].map(([id, l]) => `${id} ${l}`).join(', ')}`);
  const labelName = values.acceptLabel?.trim() || undefined;
  const accept = {
    ...(ignore ? { ignore } : {}),
    ...(labelName ? { label: { name: labelName, present: (values.labels ?? []).includes(labelName) } } : {}),
    today: todayUtc()
  };
  const externalRefs = parseExternalRefPolicy([...values.allowExternalRefs], label('allow-external-refs'));
  return {
    root,
    specs,
    subject: specs.length === 1 ? specs[0] : entries.join(', '),
    modes,
    baseSpec: values.baseSpec,
    baseRef: values.baseRef,
    ruleset,
    rulesetFound,
    externalRefs,
    allowRulesetCode: values.allowRulesetCode,
    lintScope: parseLintScope(values.lintScope, label('lint-scope')),
    maxSpecBytes:
      values.maxSpecSize === undefined ? undefined : parseSpecSize(values.maxSpecSize, label('max-spec-size')),
    ...(levels ? { levels: levels.levels } : {}),
    accept,
    ...(modes.includes('live') ? { live: await liveOptions(values) } : {}),
    notices
  };
}

const LINT_SCOPES = ['all', 'changed'] as const;

function parseLintScope(value: string | undefined, label: string): LintScopeName {
  if (value === undefined || value === '') return 'all';
  if ((LINT_SCOPES as readonly string[]).includes(value)) return value as LintScopeName;
  const guess = closestName(value, LINT_SCOPES);
  throw new ConfigurationError(
    `${label} must be all or changed; got "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}`
  );
}

/** The replay file of the step: each spec's section (a header line, then its failures) one after the other. */
export function replayText(step: StepReport): string | undefined {
  const sections = step.specs.map((r) => r.replay).filter((t): t is string => t !== undefined);
  return sections.length > 0 ? sections.join('') : undefined;
}

/** Writes the replay file asked for; returns a notice when there is nothing to write (no live run, Dredd). */
export function writeReplayFile(
  step: StepReport,
  root: string,
  path: string,
  setting = 'Input "replay-file"'
): string[] {
  const text = replayText(step);
  if (text === undefined)
    return [
      `No replay file written: ${step.modes.includes('live') ? 'the dredd engine does not record exchanges for replay' : 'mode does not include live'}`
    ];
  writeReportFile(root, path, text, setting);
  return [];
}

/** Writes a report file the user asked for; a path that cannot be written is one line naming the setting. */
export function writeReportFile(root: string, path: string, text: string, setting: string): void {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  } catch (error) {
    throw new ConfigurationError(
      `${setting}: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
}
