import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { commandEnvironment, isRunnerVariable } from '../../actions/blue-green-switch/src/engine/env.js';
import {
  judgeOptions,
  parseRatio,
  prepareOperation,
  readConfigText,
  runIdFrom
} from '../../actions/blue-green-switch/src/settings.js';
import { readStepState, STATE_KEYS } from '../../actions/blue-green-switch/src/step-state.js';
import { tempDir } from './fixtures.js';

const ROUTER = `type: haproxy
colors:
  blue: { servers: [b1] }
  green: { servers: [g1] }
verify: { url: "http://127.0.0.1:8080/version", header: x-color }
haproxy: { socket: admin.sock, backend: app }
`;
const label = (name: string) => `Input "${name}"`;

describe('settings shared by the action and the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'router.yml'), ROUTER);
    fs.mkdirSync(path.join(dir, 'folder'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a router config is a file path or the YAML itself', () => {
    expect(readConfigText('router.yml', dir, label('router'))).toEqual({
      text: ROUTER,
      path: path.join(dir, 'router.yml')
    });
    expect(readConfigText(ROUTER, dir, label('router'))).toEqual({ text: ROUTER });
    expect(readConfigText('{type: haproxy}', dir, label('router'))).toEqual({ text: '{type: haproxy}' });
    expect(() => readConfigText('missing.yml', dir, label('router'))).toThrow(
      'Input "router": cannot read missing.yml (ENOENT)'
    );
    expect(() => readConfigText('folder', dir, label('router'))).toThrow('Input "router": folder is not a file');
  });

  it('prepares an operation: inline YAML resolves against the workspace, with the state file there', () => {
    const prepared = prepareOperation(
      {
        operation: 'canary',
        router: ROUTER,
        steps: '10, 50,100',
        stepWaitMs: 1000,
        judge: {
          enabled: true,
          minRequests: 20,
          maxErrorIncrease: '2%',
          maxLatencyIncrease: '150%',
          onInconclusive: 'fail'
        },
        onFailure: 'stop',
        onCancel: 'rollback'
      },
      { cwd: dir, env: {}, runId: 'r1', label }
    );
    expect(prepared.router).toEqual({ text: ROUTER });
    expect(prepared.options).toMatchObject({
      operation: 'canary',
      steps: [10, 50, 100],
      judge: { minRequests: 20, maxErrorRateIncrease: 0.02, maxLatencyIncrease: 1.5, onInconclusive: 'fail' },
      onFailure: 'stop',
      runId: 'r1',
      config: { source: 'input "router"', stateFile: path.join(dir, 'blue-green-switch.state.json') }
    });
    expect(prepared.options.config.haproxy!.socket).toBe(path.join(dir, 'admin.sock'));
    const bad = (over: object) => () =>
      prepareOperation(
        {
          operation: 'canary',
          router: 'router.yml',
          judge: {
            enabled: true,
            minRequests: 1,
            maxErrorIncrease: '1%',
            maxLatencyIncrease: '25%',
            onInconclusive: 'continue'
          },
          onFailure: 'rollback',
          onCancel: 'rollback',
          ...over
        },
        { cwd: dir, env: {}, runId: 'r1', label }
      );
    expect(bad({ steps: '50,10' })).toThrow('Input "steps": steps must increase; 10 follows 50');
    expect(bad({ gate: 'gate.yml' })).toThrow('Input "gate": cannot read gate.yml (ENOENT)');
    expect(bad({ router: 'type: haproxy\n' })).toThrow('input "router": colors is required');
  });

  it('judge thresholds, shares and run ids', () => {
    expect(
      judgeOptions(
        { enabled: false, minRequests: 1, maxErrorIncrease: 'x', maxLatencyIncrease: 'y', onInconclusive: 'continue' },
        label
      )
    ).toBe(false);
    expect(parseRatio('5%', 'x')).toBe(0.05);
    expect(parseRatio('0.05', 'x')).toBe(0.05);
    expect(() => parseRatio('5', 'Input "judge-max-error-increase"')).toThrow(
      'Input "judge-max-error-increase" must be a share like 5% or 0.05, at most 100%; got "5"'
    );
    expect(() => parseRatio('-1%', 'x')).toThrow('must be a share');
    expect(runIdFrom({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'deploy' }, 7)).toBe('42.2/deploy/7');
    expect(runIdFrom({}, 7)).toBe('cli-7');
  });

  it('a router config never expands the runner’s variables; commands see what a run: step sees', () => {
    expect(isRunnerVariable('ACTIONS_RUNTIME_TOKEN')).toBe(true);
    expect(isRunnerVariable('Input_Github-Token')).toBe(true);
    expect(isRunnerVariable('GITHUB_TOKEN')).toBe(true);
    expect(isRunnerVariable('GITHUB_SHA')).toBe(false);
    expect(isRunnerVariable('LB_HOST')).toBe(false);
    const leak = ROUTER.replace('header: x-color', 'header: x-color, headers: { x-t: "${ACTIONS_RUNTIME_TOKEN}" }');
    expect(() =>
      parseRouterConfig({ text: leak, path: path.join(dir, 'r.yml'), cwd: dir, env: { ACTIONS_RUNTIME_TOKEN: 'tok' } })
    ).toThrow(/\$\{ACTIONS_RUNTIME_TOKEN\} is a runner variable and is never expanded/);
    expect(
      Object.keys(
        commandEnvironment({
          PATH: '/bin',
          'INPUT_GITHUB-TOKEN': 't',
          STATE_x: 's',
          ACTIONS_RUNTIME_TOKEN: 'r',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'i',
          GITHUB_SHA: 'abc',
          LB_HOST: 'lb'
        })
      ).sort()
    ).toEqual(['GITHUB_SHA', 'LB_HOST', 'PATH']);
  });

  it('reads what the step saved for its post step', () => {
    const saved: Record<string, string> = {
      [STATE_KEYS.context]: JSON.stringify({
        router: { text: ROUTER },
        runId: 'r',
        operation: 'canary',
        rollbackOnCancel: true
      }),
      [STATE_KEYS.moved]: JSON.stringify({ operation: 'canary', restore: { blue: 100, green: 0 } })
    };
    expect(readStepState((key) => saved[key] ?? '')).toEqual({
      context: { router: { text: ROUTER }, runId: 'r', operation: 'canary', rollbackOnCancel: true },
      moved: { operation: 'canary', restore: { blue: 100, green: 0 } },
      finished: undefined
    });
  });
});
