import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { annotate } from '../../shared/src/actions/annotate.js';
import {
  formatAnnotationCommand,
  parseAnnotationCommands,
  relativeToWorkspace,
  type Annotation
} from '../../shared/src/lib/annotations.js';

/** Runs fn with the real @actions/core writing to a captured stdout, and returns what it wrote. */
function captureStdout(fn: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('formatAnnotationCommand', () => {
  it('writes a bare command when there is no location', () => {
    expect(formatAnnotationCommand({ level: 'error', message: 'boom' })).toBe('::error::boom');
  });

  it('writes the location properties in a fixed order', () => {
    expect(
      formatAnnotationCommand({
        level: 'warning',
        message: 'adding a NOT NULL column rewrites the table',
        title: 'adding-not-null',
        file: 'db/001.sql',
        startLine: 3,
        endLine: 3,
        startColumn: 5,
        endColumn: 12
      })
    ).toBe(
      '::warning file=db/001.sql,line=3,endLine=3,col=5,endColumn=12,title=adding-not-null::adding a NOT NULL column rewrites the table'
    );
  });

  it('drops columns when the annotation spans lines, as GitHub ignores them then', () => {
    expect(
      formatAnnotationCommand({
        level: 'notice',
        message: 'm',
        file: 'a.sql',
        startLine: 3,
        endLine: 7,
        startColumn: 1,
        endColumn: 4
      })
    ).toBe('::notice file=a.sql,line=3,endLine=7::m');
  });

  it('escapes data and properties so hostile text cannot end the command or inject another', () => {
    const command = formatAnnotationCommand({
      level: 'error',
      message: '100% broken\r\n::error::injected',
      title: 'a:b,c',
      file: 'dir,with:odd%name.sql',
      startLine: 1
    });
    expect(command).toBe(
      '::error file=dir%2Cwith%3Aodd%25name.sql,line=1,title=a%3Ab%2Cc::100%25 broken%0D%0A::error::injected'
    );
    expect(command.split('\n')).toHaveLength(1);
  });
});

describe('parseAnnotationCommands', () => {
  it('reads annotations among other output lines', () => {
    const stdout = [
      'Checking 3 files',
      '::error::plain message',
      '::warning file=a.sql,line=3::table rewrite',
      '::notice file=b.sql,line=1,endLine=2,title=Info::fine',
      '::debug::not an annotation',
      '::add-mask::secret',
      '::set-output name=x::1',
      'done'
    ].join('\n');
    expect(parseAnnotationCommands(stdout)).toEqual([
      { level: 'error', message: 'plain message' },
      { level: 'warning', message: 'table rewrite', file: 'a.sql', startLine: 3 },
      { level: 'notice', message: 'fine', file: 'b.sql', startLine: 1, endLine: 2, title: 'Info' }
    ]);
  });

  it('handles CRLF line endings and ignores unknown or malformed properties', () => {
    expect(parseAnnotationCommands('::error file=x.sql,line=abc,bogus=1,constructor=2,noequals::m\r\n')).toEqual([
      { level: 'error', message: 'm', file: 'x.sql' }
    ]);
  });

  it('is the inverse of formatAnnotationCommand, including escaping', () => {
    const annotations: Annotation[] = [
      {
        level: 'error',
        message: 'multi\nline\r\nmessage with 100% and %0A literal',
        title: 'T: a, b',
        file: 'p,q:r%.sql',
        startLine: 2,
        endLine: 2,
        startColumn: 1,
        endColumn: 9
      },
      { level: 'warning', message: '::not a command', file: 'x.yml', startLine: 10, endLine: 12 },
      { level: 'notice', message: '' }
    ];
    const stdout = annotations.map(formatAnnotationCommand).join('\n');
    expect(parseAnnotationCommands(stdout)).toEqual(annotations);
  });
});

describe('annotate', () => {
  it('emits through @actions/core what parseAnnotationCommands reads back', () => {
    const written = captureStdout(() => {
      annotate({
        level: 'error',
        message: 'lock held\nfor 5s',
        file: 'db/2.sql',
        startLine: 4,
        startColumn: 3,
        endColumn: 8,
        title: 'lock: table'
      });
      annotate({
        level: 'warning',
        message: 'spans lines',
        file: 'db/3.sql',
        startLine: 1,
        endLine: 5,
        startColumn: 2,
        endColumn: 4
      });
      annotate({ level: 'notice', message: 'no location' });
    });
    expect(written).toContain('::error ');
    expect(parseAnnotationCommands(written)).toEqual([
      {
        level: 'error',
        message: 'lock held\nfor 5s',
        file: 'db/2.sql',
        startLine: 4,
        startColumn: 3,
        endColumn: 8,
        title: 'lock: table'
      },
      { level: 'warning', message: 'spans lines', file: 'db/3.sql', startLine: 1, endLine: 5 },
      { level: 'notice', message: 'no location' }
    ]);
  });
});

describe('relativeToWorkspace', () => {
  it.each([
    ['/home/runner/work/repo/repo/db/001.sql', '/home/runner/work/repo/repo', 'db/001.sql'],
    ['/home/runner/work/repo/repo/db/001.sql', '/home/runner/work/repo/repo/', 'db/001.sql'],
    ['./db/../db/001.sql', '/ws', 'db/001.sql'],
    ['db\\sub\\001.sql', '/ws', 'db/sub/001.sql'],
    ['/elsewhere/file.sql', '/home/runner/work/repo/repo', '/elsewhere/file.sql'],
    [
      '/home/runner/work/repo/repo-other/x.sql',
      '/home/runner/work/repo/repo',
      '/home/runner/work/repo/repo-other/x.sql'
    ]
  ])('maps %p in %p to %p', (file, workspace, expected) => {
    expect(relativeToWorkspace(file, workspace)).toBe(expected);
  });
});
