import { describe, expect, it } from '@jest/globals';
import { loadWorkflows, parseWorkflow } from './workflow-model.js';
import { checkWiring } from './workflow-wiring.js';

// Every input a caller passes is declared by the reusable workflow (or the action) it calls, every output read
// is produced by the job or step named, every secret is declared; and each kind of mistake is caught.
const workflows = loadWorkflows();

describe('the wiring of our workflows', () => {
  it.each(workflows.map((w) => [w.file, w] as const))('%s is consistent', (_file, workflow) => {
    expect(checkWiring(workflow)).toEqual([]);
  });

  it('covers every call between them', () => {
    // The starters call pipeline.yml and dora.yml, pipeline.yml calls ci.yml and deploy.yml (twice).
    const calls = workflows.flatMap((w) =>
      Object.values(w.doc.jobs ?? {}).flatMap((job) => (job.uses ? [`${w.file} -> ${job.uses}`] : []))
    );
    expect(calls).toEqual(
      expect.arrayContaining([
        '.github/workflows/pipeline.yml -> ubos/actions/.github/workflows/ci.yml@v1',
        '.github/workflows/pipeline.yml -> ubos/actions/.github/workflows/deploy.yml@v1',
        'workflows/pipeline-level-2.yml -> ubos/actions/.github/workflows/pipeline.yml@v1',
        'workflows/pipeline-level-3.yml -> ubos/actions/.github/workflows/pipeline.yml@v1',
        'workflows/dora-weekly.yml -> ubos/actions/.github/workflows/dora.yml@v1',
        'examples/.github/workflows/pipeline.yml -> ubos/actions/.github/workflows/pipeline.yml@v1'
      ])
    );
  });
});

const bad = (...lines: string[]) =>
  parseWorkflow('bad.yml', ['on: push', 'permissions: {}', 'jobs:', ...lines].join('\n'));
const callDora = (...lines: string[]) =>
  bad('  dora:', '    permissions: {}', '    uses: ubos/actions/.github/workflows/dora.yml@v1', ...lines);
const steps = (...lines: string[]) => bad('  build:', '    runs-on: ubuntu-latest', '    steps:', ...lines);

describe('checkWiring catches', () => {
  it.each([
    [
      'an input the reusable workflow does not declare',
      callDora('    with:', '      periode: 30d'),
      /"periode" is not an input of \.github\/workflows\/dora\.yml/
    ],
    [
      'an input of the wrong type',
      callDora('    with:', '      period: 30'),
      /input "period" of .* is a string; 30 is a number/
    ],
    [
      'a missing required input',
      bad(
        '  deploy:',
        '    permissions: {}',
        '    uses: ubos/actions/.github/workflows/deploy.yml@v1',
        '    with:',
        '      environment: production',
        "      target-url: 'http://{color}.internal'",
        '      gate: deploy/gate.yml',
        '      deploy-command: ./deploy.sh'
      ),
      /requires input "router"/
    ],
    [
      'a secret the reusable workflow does not declare',
      callDora('    secrets:', '      token: ${{ secrets.T }}'),
      /secret "token" is not declared/
    ],
    [
      'an output the called workflow does not have',
      bad(
        '  dora:',
        '    permissions: {}',
        '    uses: ubos/actions/.github/workflows/dora.yml@v1',
        '  after:',
        '    needs: dora',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - env:',
        '          RATE: ${{ needs.dora.outputs.rate }}',
        '        run: echo "$RATE"'
      ),
      /needs\.dora\.outputs\.rate is not an output of job "dora"/
    ],
    [
      'a needs output of a job not in needs',
      bad(
        '  a:',
        '    runs-on: ubuntu-latest',
        '    outputs:',
        '      x: ${{ steps.s.outputs.x }}',
        '    steps:',
        '      - id: s',
        '        run: echo "x=1" >> "$GITHUB_OUTPUT"',
        '  b:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - env:',
        '          X: ${{ needs.a.outputs.x }}',
        '        run: echo "$X"'
      ),
      /needs\.a is not in the needs of job "b"/
    ],
    [
      'a step output its script never writes',
      steps(
        '      - id: s',
        '        run: echo "color=blue" >> "$GITHUB_OUTPUT"',
        '      - env:',
        '          URL: ${{ steps.s.outputs.url }}',
        '        run: echo "$URL"'
      ),
      /step "s" does not produce output "url"/
    ],
    [
      'an output our action does not declare',
      steps(
        '      - id: gate',
        '        uses: ubos/actions/health-gate@v1',
        '        with:',
        '          url: http://127.0.0.1:8080/healthz',
        "      - if: steps.gate.outputs.failed == 'true'",
        '        run: exit 1'
      ),
      /step "gate" does not produce output "failed"/
    ],
    [
      'a step read before it runs',
      steps(
        '      - env:',
        '          V: ${{ steps.later.outputs.verdict }}',
        '        run: echo "$V"',
        '      - id: later',
        '        run: echo "verdict=pass" >> "$GITHUB_OUTPUT"'
      ),
      /steps\.later is not an earlier step/
    ],
    [
      'an input our action does not declare',
      steps(
        '      - uses: ubos/actions/health-gate@v1',
        '        with:',
        '          url: http://127.0.0.1:8080',
        '          retries: 3'
      ),
      /"retries" is not an input of health-gate/
    ],
    [
      'a required input of our action left out',
      steps('      - uses: ubos/actions/blue-green-switch@v1'),
      /blue-green-switch requires input "router"/
    ],
    [
      'an action that does not exist',
      steps('      - uses: ubos/actions/no-such-action@v1'),
      /not an action of this repository/
    ],
    [
      'an undeclared inputs.* in a reusable workflow',
      parseWorkflow(
        'bad.yml',
        [
          'on:',
          '  workflow_call:',
          '    inputs:',
          '      spec: { type: string, required: true }',
          'permissions: {}',
          'jobs:',
          '  lint:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - env:',
          '          SPEC: ${{ inputs.specs }}',
          '        run: echo "$SPEC"'
        ].join('\n')
      ),
      /inputs\.specs is not a declared input/
    ],
    [
      'an undeclared secrets.* in a reusable workflow',
      parseWorkflow(
        'bad.yml',
        [
          'on:',
          '  workflow_call:',
          '    secrets:',
          '      token: { required: false }',
          'permissions: {}',
          'jobs:',
          '  lint:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - env:',
          '          TOKEN: ${{ secrets.DEPLOY_TOKEN }}',
          '        run: echo "$TOKEN"'
        ].join('\n')
      ),
      /secrets\.DEPLOY_TOKEN is not a declared secret/
    ],
    [
      'a workflow output read from a job that does not produce it',
      parseWorkflow(
        'bad.yml',
        [
          'on:',
          '  workflow_call:',
          '    outputs:',
          '      color:',
          '        value: ${{ jobs.deploy.outputs.colour }}',
          'permissions: {}',
          'jobs:',
          '  deploy:',
          '    runs-on: ubuntu-latest',
          '    outputs:',
          '      color: blue',
          '    steps:',
          '      - run: true'
        ].join('\n')
      ),
      /jobs\.deploy\.outputs\.colour, which job "deploy" does not produce/
    ]
  ])('%s', (_what, workflow, message) => {
    const findings = checkWiring(workflow);
    expect(findings).toEqual([expect.objectContaining({ file: 'bad.yml', message: expect.stringMatching(message) })]);
    expect(findings[0]!.line).toBeGreaterThan(1);
  });
});
