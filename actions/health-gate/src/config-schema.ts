// The published JSON schema of a gate config file (health-gate/config.schema.json, for editors), generated from
// the same key tables the parser reads: config-keys.ts and each check type's own keys (checks/*.ts).
import { CHECK_KINDS } from './checks/index.js';
import { CHECK_TYPES, commonKeys, TIMING_KEYS, TOP_LEVEL_KEYS, type KeySpec } from './config-keys.js';

const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$';

function keySchema(spec: KeySpec): Record<string, unknown> {
  const base = { description: spec.description };
  switch (spec.kind) {
    case 'string':
      return { ...base, type: 'string' };
    case 'duration':
      return { ...base, type: 'string', pattern: DURATION_PATTERN };
    case 'integer':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'number':
      return { ...base, type: 'number' };
    case 'ratio':
      return {
        ...base,
        oneOf: [
          { type: 'number', minimum: 0, maximum: 1 },
          { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }
        ]
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'string-list':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'string-map':
      return { ...base, type: 'object', additionalProperties: { type: 'string' } };
    case 'enum':
      return { ...base, enum: spec.values };
    case 'tls':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        properties: { ca: { type: 'string' }, insecure: { type: 'boolean' } }
      };
    case 'migrations':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        required: ['dir'],
        properties: { dir: { type: 'string' }, table: { type: 'string' }, column: { type: 'string' } }
      };
  }
}

function properties(keys: Record<string, KeySpec>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(keys).map(([key, spec]) => [key, keySchema(spec)]));
}

function required(keys: Record<string, KeySpec>): string[] {
  return Object.entries(keys)
    .filter(([, spec]) => spec.required)
    .map(([key]) => key);
}

/** The JSON schema (draft 2020-12) of a gate config file, generated from the tables above. */
export function gateConfigJsonSchema(): Record<string, unknown> {
  const checkVariants = CHECK_TYPES.map((type) => {
    const keys = { ...commonKeys(), ...CHECK_KINDS[type].keys };
    return {
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: { properties: properties(keys), required: required(keys), additionalProperties: false }
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ubos/actions/health-gate/config.schema.json',
    title: 'ubos/actions health-gate configuration',
    type: 'object',
    additionalProperties: false,
    required: ['checks'],
    properties: {
      deadline: keySchema(TOP_LEVEL_KEYS.deadline),
      'public-env': {
        ...keySchema(TOP_LEVEL_KEYS['public-env']),
        items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }
      },
      defaults: {
        description: TOP_LEVEL_KEYS.defaults.description,
        type: 'object',
        additionalProperties: false,
        properties: properties(TIMING_KEYS)
      },
      checks: {
        description: 'The checks; all run concurrently.',
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['type'],
          properties: { type: keySchema(commonKeys().type) },
          allOf: checkVariants
        }
      }
    }
  };
}
