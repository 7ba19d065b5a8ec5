/**
 * SARIF 2.1.0 output for the linters, in the subset GitHub code scanning reads: one run, the rules in
 * tool.driver.rules, and results that point at a region of a file relative to the repository root.
 */

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRuleInput {
  id: string;
  name?: string;
  shortDescription: string;
  fullDescription?: string;
  helpUri?: string;
  defaultLevel: SarifLevel;
}

export interface SarifResultInput {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** Relative to the repository root (see relativeToWorkspace). */
  file: string;
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifInput {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  rules: readonly SarifRuleInput[];
  results: readonly SarifResultInput[];
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: SarifRegion;
    };
  }[];
}

export interface SarifReportingDescriptor {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion?: string;
        informationUri: string;
        rules: SarifReportingDescriptor[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Root-relative base: GitHub resolves %SRCROOT% to the checkout, so results link to the file. */
export const SRCROOT = '%SRCROOT%';

/**
 * A URI reference for a path: forward slashes, no leading "./", each segment percent-encoded (a space or "#"
 * in a file name would otherwise produce an invalid or different URI). Absolute paths become file:// URIs
 * without a base, because they cannot be resolved against the repository root.
 */
export function pathToSarifUri(file: string): { uri: string; uriBaseId?: string } {
  const normalized = file.replace(/\\/g, '/');
  const encode = (segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');
  if (/^[a-z]:\//i.test(normalized))
    return { uri: `file:///${normalized.slice(0, 2)}/${encode(normalized.slice(3).split('/'))}` };
  if (normalized.startsWith('/')) return { uri: `file://${encode(normalized.split('/'))}` };
  const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.');
  return { uri: encode(segments), uriBaseId: SRCROOT };
}

function isSemver(version: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9a-z.-]+)?(?:\+[0-9a-z.-]+)?$/i.test(version);
}

function region(result: SarifResultInput): SarifRegion {
  // SARIF lines and columns are 1-based; 0 or a fraction would make the whole log invalid.
  const positive = (value: number | undefined) =>
    value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
  const built: SarifRegion = { startLine: positive(result.startLine) ?? 1 };
  const startColumn = positive(result.startColumn);
  const endLine = positive(result.endLine);
  const endColumn = positive(result.endColumn);
  if (startColumn !== undefined) built.startColumn = startColumn;
  if (endLine !== undefined && endLine >= built.startLine) built.endLine = endLine;
  if (endColumn !== undefined) built.endColumn = endColumn;
  return built;
}

/** Builds a SARIF log; a result whose ruleId is not among the rules is a programming error and throws. */
export function buildSarif(input: SarifInput): SarifLog {
  const ruleIndex = new Map<string, number>();
  const rules = input.rules.map((rule, index): SarifReportingDescriptor => {
    if (ruleIndex.has(rule.id)) throw new Error(`SARIF rule "${rule.id}" is declared twice`);
    ruleIndex.set(rule.id, index);
    const descriptor: SarifReportingDescriptor = {
      id: rule.id,
      shortDescription: { text: rule.shortDescription },
      defaultConfiguration: { level: rule.defaultLevel }
    };
    if (rule.name !== undefined) descriptor.name = rule.name;
    if (rule.fullDescription !== undefined) descriptor.fullDescription = { text: rule.fullDescription };
    if (rule.helpUri !== undefined) descriptor.helpUri = rule.helpUri;
    return descriptor;
  });

  const results = input.results.map((result): SarifResult => {
    const index = ruleIndex.get(result.ruleId);
    if (index === undefined) throw new Error(`SARIF result refers to undeclared rule "${result.ruleId}"`);
    return {
      ruleId: result.ruleId,
      ruleIndex: index,
      level: result.level,
      message: { text: result.message },
      locations: [{ physicalLocation: { artifactLocation: pathToSarifUri(result.file), region: region(result) } }]
    };
  });

  const driver: SarifLog['runs'][number]['tool']['driver'] = {
    name: input.toolName,
    version: input.toolVersion,
    informationUri: input.informationUri,
    rules
  };
  if (isSemver(input.toolVersion)) driver.semanticVersion = input.toolVersion;

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  };
}

/** Deterministic JSON: keys sorted at every level (array order kept), two-space indent, final newline. */
export function serializeSarif(log: SarifLog | object): string {
  return `${JSON.stringify(sortKeys(log), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // No prototype: a "__proto__" key must stay data, not replace the prototype.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}
