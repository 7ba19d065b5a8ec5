// Test helper: validates a SARIF log against the SARIF 2.1.0 JSON schema for every object our output uses
// (sarifLog, run, tool, toolComponent, reportingDescriptor, multiformatMessageString, reportingConfiguration,
// result, message, location, physicalLocation, artifactLocation, region, propertyBag), with the same property
// sets, required properties, enums, minimums and `additionalProperties: false` as the OASIS schema; objects we
// never emit are accepted as any value. Then the checks github/codeql-action/upload-sarif adds on top.
import Ajv from 'ajv';
import Ajv2020Module from 'ajv8/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runner.js';

// The OASIS schema itself ships in Microsoft's SARIF multitool package (an optional, Linux-only dependency).
const OFFICIAL_SCHEMA = join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json');
interface SchemaValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
type Ajv2020Class = new (options: object) => { compile(schema: object): SchemaValidator };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: Ajv2020Class }).default ??
  Ajv2020Module) as unknown as Ajv2020Class;
let official: SchemaValidator | undefined;

/** Problems against the official SARIF 2.1.0 JSON schema (draft 2020-12). */
export function officialSchemaProblems(log: unknown): string[] {
  if (!existsSync(OFFICIAL_SCHEMA)) {
    throw new Error(
      `${OFFICIAL_SCHEMA} is missing: run npm ci on Linux (optional dependency @microsoft/sarif-multitool-linux)`
    );
  }
  if (!official) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    official = ajv.compile(JSON.parse(readFileSync(OFFICIAL_SCHEMA, 'utf8')));
  }
  if (official(log)) return [];
  return (official.errors ?? []).map((e) => `official schema: ${e.instancePath || '/'} ${e.message}`);
}

const any = {};
const props = (names: string[], extra: Record<string, object> = {}) =>
  Object.fromEntries([...names.map((n) => [n, any]), ...Object.entries(extra)]);
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const line = { type: 'integer', minimum: 1 };

export const SARIF_SUBSET_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: 'array', items: ref('run') },
    inlineExternalProperties: any,
    properties: ref('propertyBag')
  },
  definitions: {
    propertyBag: {
      type: 'object',
      properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } }
    },
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: props(
        [
          'invocations',
          'conversion',
          'language',
          'versionControlProvenance',
          'originalUriBaseIds',
          'artifacts',
          'logicalLocations',
          'graphs',
          'automationDetails',
          'runAggregates',
          'baselineGuid',
          'redactionTokens',
          'defaultEncoding',
          'defaultSourceLanguage',
          'newlineSequences',
          'externalPropertyFileReferences',
          'threadFlowLocations',
          'taxonomies',
          'addresses',
          'translations',
          'policies',
          'webRequests',
          'webResponses',
          'specialLocations'
        ],
        {
          tool: ref('tool'),
          results: { type: 'array', items: ref('result') },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          properties: ref('propertyBag')
        }
      )
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: { driver: ref('toolComponent'), extensions: any, properties: ref('propertyBag') }
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: props(
        [
          'guid',
          'organization',
          'product',
          'productSuite',
          'fullName',
          'dottedQuadFileVersion',
          'releaseDateUtc',
          'downloadUri',
          'globalMessageStrings',
          'notifications',
          'taxa',
          'locations',
          'language',
          'contents',
          'isComprehensive',
          'localizedDataSemanticVersion',
          'minimumRequiredLocalizedDataSemanticVersion',
          'associatedComponent',
          'translationMetadata',
          'supportedTaxonomies'
        ],
        {
          name: { type: 'string' },
          version: { type: 'string' },
          semanticVersion: { type: 'string' },
          informationUri: { type: 'string', format: 'uri' },
          shortDescription: ref('multiformatMessageString'),
          fullDescription: ref('multiformatMessageString'),
          rules: { type: 'array', uniqueItems: true, items: ref('reportingDescriptor') },
          properties: ref('propertyBag')
        }
      )
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: props(
        ['deprecatedIds', 'guid', 'deprecatedGuids', 'deprecatedNames', 'messageStrings', 'relationships'],
        {
          id: { type: 'string' },
          name: { type: 'string' },
          shortDescription: ref('multiformatMessageString'),
          fullDescription: ref('multiformatMessageString'),
          help: ref('multiformatMessageString'),
          helpUri: { type: 'string', format: 'uri' },
          defaultConfiguration: ref('reportingConfiguration'),
          properties: ref('propertyBag')
        }
      )
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: ref('propertyBag') }
    },
    reportingConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        parameters: ref('propertyBag'),
        properties: ref('propertyBag')
      }
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: props(
        [
          'rule',
          'analysisTarget',
          'guid',
          'correlationGuid',
          'occurrenceCount',
          'partialFingerprints',
          'fingerprints',
          'stacks',
          'codeFlows',
          'graphs',
          'graphTraversals',
          'relatedLocations',
          'suppressions',
          'baselineState',
          'rank',
          'attachments',
          'hostedViewerUri',
          'workItemUris',
          'provenance',
          'fixes',
          'taxa',
          'webRequest',
          'webResponse'
        ],
        {
          ruleId: { type: 'string' },
          ruleIndex: { type: 'integer', minimum: -1 },
          kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
          level: { enum: ['none', 'note', 'warning', 'error'] },
          message: ref('message'),
          locations: { type: 'array', items: ref('location') },
          properties: ref('propertyBag')
        }
      )
    },
    message: {
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
      properties: {
        text: { type: 'string' },
        markdown: { type: 'string' },
        id: { type: 'string' },
        arguments: { type: 'array', items: { type: 'string' } },
        properties: ref('propertyBag')
      }
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: props(['id', 'logicalLocations', 'message', 'annotations', 'relationships'], {
        physicalLocation: ref('physicalLocation'),
        properties: ref('propertyBag')
      })
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
      properties: {
        address: any,
        artifactLocation: ref('artifactLocation'),
        region: ref('region'),
        contextRegion: ref('region'),
        properties: ref('propertyBag')
      }
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        uri: { type: 'string', format: 'uri-reference' },
        uriBaseId: { type: 'string' },
        index: { type: 'integer', minimum: -1 },
        description: any,
        properties: ref('propertyBag')
      }
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: line,
        startColumn: line,
        endLine: line,
        endColumn: line,
        charOffset: { type: 'integer', minimum: -1 },
        charLength: { type: 'integer', minimum: 0 },
        byteOffset: { type: 'integer', minimum: -1 },
        byteLength: { type: 'integer', minimum: 0 },
        snippet: any,
        message: any,
        sourceLanguage: { type: 'string' },
        properties: ref('propertyBag')
      }
    }
  }
};

interface Log {
  runs: {
    tool: { driver: { rules?: { id: string; helpUri?: string }[] } };
    results?: {
      ruleId?: string;
      ruleIndex?: number;
      locations?: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region?: { startLine: number; endLine?: number; startColumn?: number; endColumn?: number };
        };
      }[];
    }[];
  }[];
}

/** Every problem found: schema errors (with their JSON path) and upload-sarif's own requirements. */
export function sarifProblems(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(SARIF_SUBSET_SCHEMA);
  const problems: string[] = [];
  if (!validate(log)) for (const e of validate.errors ?? []) problems.push(`schema: ${e.dataPath || '/'} ${e.message}`);
  problems.push(...officialSchemaProblems(log));
  const l = log as Log;
  for (const run of l.runs ?? []) {
    const rules = run.tool.driver.rules ?? [];
    if ((run.results ?? []).length > 25_000) problems.push('upload-sarif takes at most 25,000 results per run');
    for (const result of run.results ?? []) {
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId)
        problems.push(`ruleIndex ${result.ruleIndex} does not point at ${result.ruleId}`);
      for (const location of result.locations ?? []) {
        const { artifactLocation, region } = location.physicalLocation;
        if (/^(\.|\/)|\\|\s/.test(artifactLocation.uri))
          problems.push(`uri ${artifactLocation.uri} is not a clean relative URI`);
        if (artifactLocation.uriBaseId !== '%SRCROOT%') problems.push('uriBaseId is not %SRCROOT%');
        if (region?.endLine !== undefined && region.endLine < region.startLine) problems.push('endLine < startLine');
        if (
          region?.endLine === region?.startLine &&
          region?.endColumn !== undefined &&
          region.startColumn !== undefined &&
          region.endColumn < region.startColumn
        )
          problems.push('endColumn < startColumn on one line');
      }
    }
  }
  return problems;
}
