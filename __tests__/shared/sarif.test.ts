import { describe, expect, it } from '@jest/globals';
import {
  buildSarif,
  pathToSarifUri,
  serializeSarif,
  type SarifInput,
  type SarifLog
} from '../../shared/src/lib/sarif.js';

const LEVELS = ['none', 'note', 'warning', 'error'];

/**
 * The parts of the SARIF 2.1.0 schema (and of GitHub's upload checks) that a writer can get wrong: required
 * properties, enums, 1-based regions, rule references and relative URIs. Returns the problems found.
 */
function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const l = log as SarifLog;
  check(typeof l.$schema === 'string' && /sarif.*2\.1\.0/.test(l.$schema), '$schema names SARIF 2.1.0');
  check(l.version === '2.1.0', 'version is 2.1.0');
  check(Array.isArray(l.runs) && l.runs.length > 0, 'runs is a non-empty array');
  for (const run of l.runs ?? []) {
    const driver = run.tool?.driver;
    check(typeof driver?.name === 'string' && driver.name !== '', 'run.tool.driver.name is required');
    const rules = driver?.rules ?? [];
    check(new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids are unique');
    for (const rule of rules) {
      check(typeof rule.id === 'string' && rule.id !== '', 'rule.id is required');
      check(typeof rule.shortDescription?.text === 'string', `rule ${rule.id} has shortDescription.text`);
      check(LEVELS.includes(rule.defaultConfiguration?.level), `rule ${rule.id} default level is valid`);
    }
    for (const result of run.results ?? []) {
      check(typeof result.message?.text === 'string', 'result.message.text is required');
      check(LEVELS.includes(result.level), `result level ${result.level} is valid`);
      check(
        rules[result.ruleIndex]?.id === result.ruleId,
        `ruleIndex ${result.ruleIndex} points at rule ${result.ruleId}`
      );
      for (const location of result.locations) {
        const { artifactLocation, region } = location.physicalLocation;
        check(!artifactLocation.uri.includes('\\'), `uri ${artifactLocation.uri} uses forward slashes`);
        check(!/^\.?\//.test(artifactLocation.uri), `uri ${artifactLocation.uri} is relative without ./`);
        check(!/\s/.test(artifactLocation.uri), `uri ${artifactLocation.uri} has no raw whitespace`);
        check(artifactLocation.uriBaseId === '%SRCROOT%', 'uriBaseId is %SRCROOT%');
        check(Number.isInteger(region.startLine) && region.startLine >= 1, 'region.startLine >= 1');
        for (const key of ['startColumn', 'endLine', 'endColumn'] as const) {
          const value = region[key];
          check(value === undefined || (Number.isInteger(value) && value >= 1), `region.${key} >= 1 when set`);
        }
        check(region.endLine === undefined || region.endLine >= region.startLine, 'endLine >= startLine');
      }
    }
  }
  return problems;
}

const input: SarifInput = {
  toolName: 'migration-safety',
  toolVersion: '1.2.0',
  informationUri: 'https://github.com/ubos/actions',
  rules: [
    {
      id: 'adding-not-null',
      name: 'AddingNotNull',
      shortDescription: 'NOT NULL column rewrites the table',
      helpUri: 'https://example.com/r1',
      defaultLevel: 'error'
    },
    { id: 'missing-index', shortDescription: 'Foreign key without an index', defaultLevel: 'warning' }
  ],
  results: [
    {
      ruleId: 'missing-index',
      level: 'warning',
      message: 'orders.user_id has no index',
      file: 'db\\migrations\\002 add orders.sql',
      startLine: 4,
      startColumn: 3,
      endColumn: 20
    },
    {
      ruleId: 'adding-not-null',
      level: 'error',
      message: 'users.email NOT NULL',
      file: './db/migrations/001.sql',
      startLine: 2,
      endLine: 5
    }
  ]
};

describe('buildSarif', () => {
  it('produces a structurally valid SARIF 2.1.0 log', () => {
    const log = buildSarif(input);
    expect(validateSarif(log)).toEqual([]);
    // Also valid after a JSON round trip, i.e. what gets uploaded.
    expect(validateSarif(JSON.parse(serializeSarif(log)))).toEqual([]);
  });

  it('describes the tool and its rules', () => {
    const driver = buildSarif(input).runs[0]!.tool.driver;
    expect(driver).toMatchObject({
      name: 'migration-safety',
      version: '1.2.0',
      semanticVersion: '1.2.0',
      informationUri: 'https://github.com/ubos/actions'
    });
    expect(driver.rules).toEqual([
      {
        id: 'adding-not-null',
        name: 'AddingNotNull',
        shortDescription: { text: 'NOT NULL column rewrites the table' },
        helpUri: 'https://example.com/r1',
        defaultConfiguration: { level: 'error' }
      },
      {
        id: 'missing-index',
        shortDescription: { text: 'Foreign key without an index' },
        defaultConfiguration: { level: 'warning' }
      }
    ]);
  });

  it('links each result to its rule by index and to a repository-relative file region', () => {
    const [first, second] = buildSarif(input).runs[0]!.results;
    expect(first).toEqual({
      ruleId: 'missing-index',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'orders.user_id has no index' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'db/migrations/002%20add%20orders.sql', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 3, endColumn: 20 }
          }
        }
      ]
    });
    expect(second!.ruleIndex).toBe(0);
    expect(second!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('db/migrations/001.sql');
    expect(second!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, endLine: 5 });
  });

  it('clamps positions that would make the log invalid', () => {
    const log = buildSarif({
      ...input,
      results: [
        {
          ruleId: 'missing-index',
          level: 'note',
          message: 'm',
          file: 'a.sql',
          startLine: 0,
          startColumn: 0,
          endLine: -1
        }
      ]
    });
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    expect(validateSarif(log)).toEqual([]);
  });

  it('omits semanticVersion when the version is not semver', () => {
    expect(buildSarif({ ...input, toolVersion: 'dev-abc123' }).runs[0]!.tool.driver.semanticVersion).toBeUndefined();
  });

  it('refuses results for undeclared rules and duplicate rule ids', () => {
    expect(() => buildSarif({ ...input, results: [{ ...input.results[0]!, ruleId: 'nope' }] })).toThrow(
      /undeclared rule "nope"/
    );
    expect(() => buildSarif({ ...input, rules: [input.rules[0]!, input.rules[0]!] })).toThrow(/declared twice/);
  });

  it('keeps an empty result list valid', () => {
    const log = buildSarif({ ...input, results: [] });
    expect(log.runs[0]!.results).toEqual([]);
    expect(validateSarif(log)).toEqual([]);
  });
});

describe('pathToSarifUri', () => {
  it.each([
    ['src/a.ts', { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' }],
    ['./src//b.ts', { uri: 'src/b.ts', uriBaseId: '%SRCROOT%' }],
    ['docs/#1 notes.md', { uri: 'docs/%231%20notes.md', uriBaseId: '%SRCROOT%' }],
    ['/abs/path/x.sql', { uri: 'file:///abs/path/x.sql' }],
    ['C:\\repo\\x.sql', { uri: 'file:///C:/repo/x.sql' }]
  ])('maps %p', (file, expected) => {
    expect(pathToSarifUri(file)).toEqual(expected);
  });
});

describe('serializeSarif', () => {
  it('is deterministic regardless of key insertion order, and ends with a newline', () => {
    const a = serializeSarif({ b: 1, a: { d: [{ y: 1, x: 2 }], c: 3 } });
    const b = serializeSarif({ a: { c: 3, d: [{ x: 2, y: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe(
      '{\n  "a": {\n    "c": 3,\n    "d": [\n      {\n        "x": 2,\n        "y": 1\n      }\n    ]\n  },\n  "b": 1\n}\n'
    );
  });

  it('keeps array order and the same output for the same input', () => {
    expect(serializeSarif(buildSarif(input))).toBe(serializeSarif(buildSarif(input)));
    const parsed = JSON.parse(serializeSarif(buildSarif(input))) as SarifLog;
    expect(parsed.runs[0]!.results.map((r) => r.ruleId)).toEqual(['missing-index', 'adding-not-null']);
  });

  it('keeps a "__proto__" key as data', () => {
    const text = serializeSarif(JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as object);
    expect(JSON.parse(text)).toEqual(JSON.parse('{"__proto__": {"x": 1}, "a": 2}'));
    expect(text).toContain('"__proto__"');
  });
});
