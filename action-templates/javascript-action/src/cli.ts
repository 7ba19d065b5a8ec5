import { parseCliArgs, parseFormat, type CliCommand } from '../../../shared/src/cli/command.js';
import { run__PASCAL__ } from './engine.js';

export const command: CliCommand = {
  name: '__NAME__',
  summary: '__TITLE__ (scaffolded: describe it)',
  usage: 'ubos-actions __NAME__ [--who <name>] [--shout] [--format text|json]',
  async run(argv, io) {
    const { values } = parseCliArgs(
      argv,
      { who: { type: 'string' }, shout: { type: 'boolean' }, format: { type: 'string' } },
      false
    );
    const format = parseFormat(values.format, ['text', 'json'], 'text');
    const result = run__PASCAL__({ who: values.who ?? 'world', shout: values.shout ?? false });
    io.stdout(format === 'json' ? `${JSON.stringify(result)}\n` : `${result.greeting}\n`);
    return 0;
  }
};
