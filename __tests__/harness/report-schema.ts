// Test helper: validates a report envelope against the committed schemas/report.schema.json (draft 2020-12).
import Ajv2020Module from 'ajv8/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runner.js';

interface SchemaValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
type Ajv2020Class = new (options: object) => { compile(schema: object): SchemaValidator };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: Ajv2020Class }).default ??
  Ajv2020Module) as unknown as Ajv2020Class;
let validate: SchemaValidator | undefined;

export const REPORT_SCHEMA_FILE = join(repoRoot, 'schemas', 'report.schema.json');

/** Problems of a report envelope against the schema, plus the key order every envelope keeps. */
export function reportSchemaProblems(report: unknown): string[] {
  validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8'))
  );
  const problems = validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  const keys = Object.keys(report as object).slice(0, 4);
  if (keys.join() !== 'tool,version,verdict,counts') problems.push(`envelope starts with ${keys.join(', ')}`);
  return problems;
}
