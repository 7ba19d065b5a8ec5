import { parseReportArgs, printReport, reportFlags, type CliCommand, type FlagSpecs } from '../../../shared/src/cli/command.js';
import { run__PASCAL__ } from './engine/index.js';
import { __NAME_CAMEL__Report } from './report.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

const FLAGS = {
  who: { type: 'string', value: '<name>', description: 'Who to greet', default: 'world' },
  shout: { type: 'boolean', description: 'Greet in capitals' },
  ...reportFlags(FORMATS)
} satisfies FlagSpecs;

export const command: CliCommand = {
  name: '__NAME__',
  summary: '__TITLE__ (scaffolded: describe it)',
  usage: ['__NAME__ [options]'],
  flags: FLAGS,
  async run(argv, io) {
    const { values, format, failOn } = parseReportArgs(argv, FLAGS, FORMATS, false);
    const result = run__PASCAL__({ who: values.who ?? 'world', shout: values.shout ?? false });
    return printReport(__NAME_CAMEL__Report(result), format, failOn, io);
  }
};
