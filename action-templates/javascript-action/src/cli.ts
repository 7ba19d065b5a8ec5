import {
  FAIL_ON_FLAG,
  formatFlag,
  parseFailOnFlag,
  parseFlags,
  parseFormat,
  printReport,
  type CliCommand,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { run__PASCAL__ } from './engine/index.js';
import { __NAME_CAMEL__Report } from './report.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

const FLAGS = {
  who: { type: 'string', value: '<name>', description: 'Who to greet', default: 'world' },
  shout: { type: 'boolean', description: 'Greet in capitals' },
  format: formatFlag(FORMATS),
  'fail-on': FAIL_ON_FLAG
} satisfies FlagSpecs;

export const command: CliCommand = {
  name: '__NAME__',
  summary: '__TITLE__ (scaffolded: describe it)',
  usage: ['__NAME__ [options]'],
  flags: FLAGS,
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS, false);
    const format = parseFormat(values.format, FORMATS, 'text');
    const result = run__PASCAL__({ who: values.who ?? 'world', shout: values.shout ?? false });
    return printReport(__NAME_CAMEL__Report(result), format, parseFailOnFlag(values['fail-on']), io);
  }
};
