// `contract-test live` as the benchmark runs it: the CLI command alone, bundled by bench/contract-test-live.mjs
// with ncc the way the action is (the dispatcher in cli/src/ runs the same command).
import '../shared/src/lib/bundle-runtime.js';
import { isConfigurationError } from '../shared/src/lib/errors.js';
import { command } from '../actions/contract-test/src/cli.js';

// Called as `index.js live <spec> ...`, like the CLI subcommand.
try {
  process.exitCode = await command.run(process.argv.slice(2), {
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
