// `contract-test live` as the benchmark runs it: the CLI handler alone, bundled by bench/contract-test-live.mjs
// with ncc the way the action is (cli.ts wires the same handler into the dispatcher).
import '../shared/src/lib/bundle-runtime.js';
import { isConfigurationError } from '../shared/src/lib/errors.js';
import { runLiveCommand } from '../actions/contract-test/src/cli-live.js';

// Called as `index.js live <spec> ...`, like the CLI subcommand.
const argv = process.argv.slice(2);
if (argv[0] === 'live') argv.shift();

try {
  process.exitCode = await runLiveCommand(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd()
  });
} catch (error) {
  process.stderr.write(
    `${isConfigurationError(error) ? '' : 'bug: '}${error instanceof Error ? error.message : String(error)}\n`
  );
  process.exitCode = 2;
}
