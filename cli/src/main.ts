import { commandHelp, type CliCommand, type CliIo, type LazyCliCommand } from '../../shared/src/cli/command.js';
import { isConfigurationError } from '../../shared/src/lib/errors.js';
import { closestName } from '../../shared/src/lib/suggest.js';
import { VERSION } from '../../shared/src/lib/version.generated.js';
import { actionCommands } from './registry.generated.js';

export const commands: LazyCliCommand[] = [
  ...actionCommands,
  {
    name: 'validate-workflows',
    load: async () => (await import('./validate-workflows.js')).validateWorkflowsCommand
  }
];

export async function helpText(): Promise<string> {
  const loaded: CliCommand[] = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'ubos-actions: the ubos/actions engines on the command line',
    '',
    'Usage: ubos-actions <command> [options]',
    '       ubos-actions <command> --help',
    '',
    'Commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit status: 0 ok, 1 findings or failed checks, 2 bad usage or input.',
    ''
  ].join('\n');
}

/** Runs one CLI invocation and resolves to its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const guess = closestName(
      name,
      commands.map((c) => c.name)
    );
    io.stderr(
      `ubos-actions: unknown command "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; run ubos-actions --help for the list\n`
    );
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command, rest[0]));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isConfigurationError(error)) {
      io.stderr(`ubos-actions ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(
      `ubos-actions ${name}: unexpected error (a bug, please report it)\n${error instanceof Error ? error.stack : String(error)}\n`
    );
    return 70;
  }
}
