import { describe, expect, it } from '@jest/globals';
import { loadWorkflows, parseWorkflow } from './workflow-model.js';
import { checkSecurity, RULES } from './workflow-security.js';

// Every workflow we ship passes the security rules (dangerous triggers, template injection, unpinned uses,
// excessive permissions, secrets: inherit, persisted checkout credentials, deploys that could be cancelled), and
// each rule catches its own bad example.
const workflows = loadWorkflows();

describe('our workflows', () => {
  it('are all found', () => {
    expect(workflows.map((w) => w.file)).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/deploy.yml',
        '.github/workflows/pipeline.yml',
        '.github/workflows/dora.yml',
        '.github/workflows/self-test.yml',
        'workflows/pipeline-level-2.yml',
        'workflows/pipeline-level-3.yml',
        'examples/.github/workflows/pipeline.yml'
      ])
    );
  });

  it.each(workflows.map((w) => [w.file, w] as const))('%s passes every security rule', (_file, workflow) => {
    expect(checkSecurity(workflow)).toEqual([]);
  });
});

const GOOD_JOB = [
  '  build:',
  '    runs-on: ubuntu-latest',
  '    permissions:',
  '      contents: read',
  '    steps:',
  '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
  '        with:',
  '          persist-credentials: false'
];

function workflow(...lines: string[]) {
  return parseWorkflow('bad.yml', lines.join('\n') + '\n');
}

const BAD: Record<string, { text: ReturnType<typeof workflow>; message: RegExp }[]> = {
  'dangerous-triggers': [
    {
      text: workflow('on: pull_request_target', 'permissions: {}', 'jobs:', ...GOOD_JOB),
      message: /pull_request_target/
    },
    {
      text: workflow('on:', '  workflow_run:', '    workflows: [CI]', 'permissions: {}', 'jobs:', ...GOOD_JOB),
      message: /workflow_run/
    }
  ],
  'template-injection': [
    {
      text: workflow('on: push', 'permissions: {}', 'jobs:', ...GOOD_JOB, '      - run: echo "${{ github.head_ref }}"'),
      message: /pass the value through env/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        ...GOOD_JOB,
        '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1',
        '        with:',
        '          script: console.log("${{ github.event.issue.title }}")'
      ),
      message: /in with.script/
    }
  ],
  'unpinned-uses': [
    {
      text: workflow('on: push', 'permissions: {}', 'jobs:', ...GOOD_JOB, '      - uses: actions/setup-node@v4'),
      message: /full commit SHA/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        ...GOOD_JOB,
        '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020'
      ),
      message: /in a comment/
    },
    {
      text: workflow('on: push', 'permissions: {}', 'jobs:', ...GOOD_JOB, '      - uses: docker://alpine:3.20'),
      message: /by digest/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        ...GOOD_JOB,
        '      - uses: ubos/actions/health-gate@main'
      ),
      message: /full commit SHA/
    }
  ],
  'excessive-permissions': [
    { text: workflow('on: push', 'jobs:', ...GOOD_JOB), message: /no top-level permissions/ },
    { text: workflow('on: push', 'permissions: write-all', 'jobs:', ...GOOD_JOB), message: /read-only/ },
    {
      text: workflow('on: push', 'permissions:', '  contents: write', 'jobs:', ...GOOD_JOB),
      message: /grant writes per job/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo hi'
      ),
      message: /declares no permissions/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    permissions:',
        '      id-token: write',
        '    steps:',
        '      - run: echo hi'
      ),
      message: /id-token: write without an environment/
    }
  ],
  'secrets-inherit': [
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        '  call:',
        '    permissions: {}',
        '    uses: ubos/actions/.github/workflows/dora.yml@v1',
        '    secrets: inherit'
      ),
      message: /hands every secret/
    }
  ],
  'checkout-credentials': [
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    permissions: {}',
        '    steps:',
        '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2'
      ),
      message: /persist-credentials: false/
    }
  ],
  'deploy-concurrency': [
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    environment: production',
        '    permissions:',
        '      deployments: write',
        '    steps:',
        '      - run: ./deploy.sh'
      ),
      message: /cancel-in-progress: false/
    },
    {
      text: workflow(
        'on: push',
        'permissions: {}',
        'concurrency:',
        '  group: deploy',
        '  cancel-in-progress: true',
        'jobs:',
        '  deploy:',
        '    permissions:',
        '      deployments: write',
        '    uses: ubos/actions/.github/workflows/deploy.yml@v1'
      ),
      message: /would cancel a deploy in progress/
    }
  ]
};

describe('each security rule', () => {
  it('has bad examples here', () => {
    expect(Object.keys(BAD).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(Object.entries(BAD).flatMap(([rule, cases]) => cases.map((c, i) => [rule, i, c] as const)))(
    '%s catches bad example %i',
    (rule, _i, { text, message }) => {
      const findings = checkSecurity(text).filter((f) => f.rule === rule);
      expect(findings).toEqual([expect.objectContaining({ file: 'bad.yml', message: expect.stringMatching(message) })]);
      expect(findings[0]!.line).toBeGreaterThan(0);
    }
  );

  it('lets the good job through', () => {
    expect(checkSecurity(workflow('on: push', 'permissions: {}', 'jobs:', ...GOOD_JOB))).toEqual([]);
  });
});
