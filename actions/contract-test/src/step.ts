// One step of contract-test: every spec it names through the same check (lint, diff, live, as the modes say),
// one after the other, with the acceptance policy shared so an ignore file's entries are judged across all of
// them. Both adapters (main.ts, cli.ts) run this; render.ts makes the one report.
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { isExpired, type AcceptEntry, type AcceptPolicy } from './accept.js';
import type { LiveStepOptions } from './live-step.js';
import type { ContractReport } from './render.js';
import { runContractCheck, type ContractOptions } from './run-contract.js';

export const MODES = ['lint', 'diff', 'live'] as const;
export type Mode = (typeof MODES)[number];

/** The modes in their running order; a typo is one line with the likely spelling. */
export function parseModes(values: readonly string[], label: string): Mode[] {
  if (values.length === 0) throw new ConfigurationError(`${label} must name at least one of ${MODES.join(', ')}`);
  for (const value of values) {
    if ((MODES as readonly string[]).includes(value)) continue;
    const guess = closestName(value, MODES);
    throw new ConfigurationError(
      `${label} must be a list of ${MODES.join(', ')}; got "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}`
    );
  }
  return MODES.filter((mode) => values.includes(mode));
}

export interface StepOptions extends Omit<
  ContractOptions,
  'spec' | 'lint' | 'diff' | 'live' | 'accept' | 'acceptUsed'
> {
  /** The specs, already expanded (specs.ts). */
  specs: string[];
  /** What the report (and its sticky comment) is about: the spec, or the `spec` input as written for several. */
  subject: string;
  modes: Mode[];
  accept?: AcceptPolicy & { file?: string };
  live?: LiveStepOptions;
  /** Lines for the log (a defaulted setting, an ignored ruleset file). */
  notices?: string[];
}

export interface StepReport {
  modes: Mode[];
  subject: string;
  specs: ContractReport[];
  accept?: {
    file?: string;
    label?: { name: string; present: boolean };
    /** Entries past their expiry date: they no longer apply. */
    expired: AcceptEntry[];
    /** Entries that matched no change (only known when every spec was diffed). */
    unused: AcceptEntry[];
  };
  notices: string[];
}

export async function runContractStep(options: StepOptions): Promise<StepReport> {
  const { specs, subject, modes, accept, live, notices, ...shared } = options;
  if (specs.length > 1 && shared.baseSpec !== undefined)
    throw new ConfigurationError(
      'base-spec compares one spec; with several specs use base-ref (each spec is compared with itself at that ref)'
    );
  if (modes.includes('live') && !live) throw new ConfigurationError('mode live needs base-url');
  const used = new Set<AcceptEntry>();
  const reports: ContractReport[] = [];
  for (const spec of specs) {
    reports.push(
      await runContractCheck({
        ...shared,
        spec,
        lint: modes.includes('lint'),
        diff: modes.includes('diff'),
        live: modes.includes('live') ? live : undefined,
        accept,
        acceptUsed: used
      })
    );
  }
  const entries = accept?.ignore?.entries ?? [];
  const everyDiffRan = modes.includes('diff') && reports.every((r) => r.base !== undefined);
  return {
    modes,
    subject,
    specs: reports,
    ...(accept && (accept.ignore || accept.label)
      ? {
          accept: {
            ...(accept.ignore ? { file: accept.ignore.file } : {}),
            ...(accept.label ? { label: accept.label } : {}),
            expired: entries.filter((e) => isExpired(e, accept.today)),
            unused: everyDiffRan ? entries.filter((e) => !used.has(e) && !isExpired(e, accept.today)) : []
          }
        }
      : {}),
    notices: notices ?? []
  };
}
