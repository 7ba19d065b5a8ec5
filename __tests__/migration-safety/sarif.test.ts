import { describe, expect, it } from '@jest/globals';
import { lintMigrations, type LintResult } from '../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { migrationSarif } from '../../actions/migration-safety/src/sarif.js';
import { sarifProblems } from '../harness/sarif-schema.js';

const HISTORY = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n';
const CHANGE =
  '-- é: a non-ASCII comment before the statement\nCREATE INDEX users_email ON users (email);\nCREAT oops;\n';

async function lint(): Promise<LintResult> {
  return lintMigrations(
    [
      { path: 'db/migrations/001 init.sql', text: HISTORY, lint: true, changeSet: 1 },
      { path: 'db/migrations/002#index.sql', text: CHANGE, lint: true, changeSet: 2 }
    ],
    { pgVersion: 16, framework: 'plain' },
    ALL_RULES
  );
}

describe('migrationSarif', () => {
  it('is valid SARIF 2.1.0 that upload-sarif accepts', async () => {
    const log = JSON.parse(migrationSarif(await lint(), ALL_RULES));
    expect(sarifProblems(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  // Each rule's descriptor (level, message, page) is checked rule by rule in catalogue.test.ts.
  it('describes a rule with its display name, help text, markdown and docs page', async () => {
    const log = JSON.parse(migrationSarif(await lint(), ALL_RULES));
    const rules = log.runs[0].tool.driver.rules;
    const index = rules.find((r: { id: string }) => r.id === 'require-concurrent-index-creation');
    expect(index).toMatchObject({
      name: 'RequireConcurrentIndexCreation',
      shortDescription: { text: expect.stringContaining('CONCURRENTLY') },
      defaultConfiguration: { level: 'warning' },
      helpUri: expect.stringMatching(/docs\/rules\/require-concurrent-index-creation\.md$/),
      help: { text: expect.not.stringContaining('`'), markdown: expect.stringContaining('`CREATE INDEX CONCURRENTLY`') }
    });
  });

  it('places results on the statement, with encoded relative URIs', async () => {
    const log = JSON.parse(migrationSarif(await lint(), ALL_RULES));
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
    }[];
    const index = results.find((r) => r.ruleId === 'require-concurrent-index-creation')!;
    expect(index.level).toBe('warning');
    expect(index.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'db/migrations/002%23index.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 42 }
    });
    const syntax = results.find((r) => r.ruleId === 'syntax-error')!;
    expect(syntax.level).toBe('error');
    expect(syntax.locations[0].physicalLocation.region).toMatchObject({ startLine: 3 });
  });

  it('uses the configured severity as the default level', async () => {
    const log = JSON.parse(
      migrationSarif(await lint(), ALL_RULES, { 'require-concurrent-index-creation': { severity: 'error' } })
    );
    const index = log.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'require-concurrent-index-creation'
    );
    expect(index.defaultConfiguration.level).toBe('error');
  });

  it('puts the recipe written for the actual names into the alert message', async () => {
    const result = await lint();
    const [first] = result.findings;
    const withRecipe: LintResult = {
      ...result,
      findings: [
        {
          ...first,
          recipe: {
            title: 'Rename users.email',
            steps: [{ title: 'Deploy 1', sql: 'ALTER TABLE users ADD COLUMN mail text;' }]
          }
        }
      ]
    };
    const log = JSON.parse(migrationSarif(withRecipe, ALL_RULES));
    expect(log.runs[0].results[0].message.text).toContain('Deploy 1:\nALTER TABLE users ADD COLUMN mail text;');
    expect(sarifProblems(log)).toEqual([]);
  });

  it('catches what the schema forbids', () => {
    expect(sarifProblems({ version: '2.0.0', runs: [{ tool: { driver: {} }, extra: 1 }] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/version/),
        expect.stringMatching(/should have required property 'name'/),
        expect.stringMatching(/additional properties/)
      ])
    );
  });
});

describe('the official SARIF 2.1.0 schema check', () => {
  it('rejects what the OASIS schema rejects', async () => {
    const { officialSchemaProblems } = await import('../harness/sarif-schema.js');
    expect(officialSchemaProblems({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(officialSchemaProblems({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } } }] })).toEqual([]);
  });
});
