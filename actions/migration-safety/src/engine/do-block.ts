// The SQL statements written inside a PL/pgSQL `DO` block, which the parser keeps as one opaque string.
//
// The body is cut into PL/pgSQL statements at its semicolons (the lexer already skips those inside strings,
// dollar quotes and comments), and each piece goes to the SQL parser from the first place where PL/pgSQL lets a
// statement begin: the start of the piece, or after BEGIN, LOOP, THEN or ELSE. It runs in the parse step
// (parse-file.ts) and the result travels with the statement.
// Dynamic SQL (`EXECUTE '...'`) is text built at run time and is not read.
import { as } from './ast.js';
import { parseMigration, type ParsedStatement } from './parse.js';
import { lexSql, type Token } from './sql-lexer.js';
import type { AstNode } from './types.js';

export interface EmbeddedStatement {
  kind: string;
  body: AstNode;
  /** `FOR name IN SELECT ... LOOP` loops seen before the statement: `name.col` reads that SELECT's column. */
  loopRows: Map<string, AstNode>;
}

export interface DoBlock {
  statements: EmbeddedStatement[];
  /** Names the block declares: PL/pgSQL rejects a bare name that is both a variable and a column. */
  variables: Set<string>;
}

/**
 * Loop rows remembered per block: real blocks have a handful, and a hostile one with thousands of loops must not
 * make each copy of the scope (one per loop) cost more.
 */
const MAX_LOOP_ROWS = 64;

/** Words after which PL/pgSQL expects a statement (or, after DECLARE, a declaration). */
const OPENERS = new Set(['begin', 'loop', 'then', 'else', 'declare']);

/** Words that begin the statements worth reading; anything else is not handed to the parser at all. */
const STARTERS = new Set(['update', 'insert', 'with', 'create', 'alter']);

/**
 * The statements of a PL/pgSQL DO block, or undefined for another kind of statement or language, or when the
 * body cannot be read. Never throws: a body the server would reject must not fail the lint.
 */
export function doBlock(statement: ParsedStatement): DoBlock | undefined {
  if (statement.kind !== 'DoStmt') return undefined;
  const options = (statement.body.args ?? []).map((arg: AstNode) => as(arg, 'DefElem'));
  const option = (name: string): unknown => options.find((d: AstNode) => d?.defname === name)?.arg?.String?.sval;
  const language = option('language');
  const code = option('as');
  if (typeof language === 'string' && language.toLowerCase() !== 'plpgsql') return undefined;
  if (typeof code !== 'string') return undefined;
  try {
    return read(code);
  } catch {
    return undefined;
  }
}

function read(code: string): DoBlock {
  // Token offsets are UTF-8 bytes.
  const bytes = Buffer.from(code, 'utf8');
  const slice = (from: number, to: number) => bytes.subarray(from, to).toString('utf8');
  const block: DoBlock = { statements: [], variables: new Set() };
  // PL/pgSQL scopes a loop variable to its loop; valid blocks seldom reuse the name, so END LOOP is not tracked.
  const loopRows = new Map<string, AstNode>();
  // What the statements see: copied only when a loop is added, and shared by the statements until the next.
  let scope = new Map<string, AstNode>();
  let declaring = false;
  for (const { tokens, end } of pieces(lexSql(code, 0), bytes.length)) {
    for (let k = 0; k < tokens.length; k++) {
      const word = tokens[k].word;
      const atStart = k === 0 || OPENERS.has(tokens[k - 1].word ?? '') || tokens[k - 1].text === '>>';
      if (!atStart) continue;
      if (word === 'declare') declaring = true;
      else if (word === 'begin') declaring = false;
      else if (declaring) {
        if (word) block.variables.add(word);
        break;
      } else if ((word === 'for' || word === 'foreach') && tokens[k + 1]?.word) {
        const name = tokens[k + 1].word!;
        const loop = loopKeyword(tokens, k + 2);
        const overQuery = word === 'for' && tokens[k + 2]?.word === 'in' && loop > k + 3;
        const query = overQuery ? parse(slice(tokens[k + 3].start, tokens[loop - 1].end)) : [];
        if (query[0]?.kind === 'SelectStmt' && (loopRows.has(name) || loopRows.size < MAX_LOOP_ROWS)) {
          loopRows.set(name, query[0].body);
          scope = new Map(loopRows);
        } else block.variables.add(name);
        // `FOR r IN UPDATE ... RETURNING` runs its statement.
        for (const s of query) if (s.kind !== 'SelectStmt') block.statements.push({ ...s, loopRows: scope });
        if (loop === -1) break;
        k = loop - 1;
      } else if (word && STARTERS.has(word)) {
        const found = parse(slice(tokens[k].start, sqlEnd(tokens, k, end)));
        if (found.length === 0) continue;
        for (const s of found) block.statements.push({ ...s, loopRows: scope });
        break;
      }
    }
  }
  return block;
}

/** The tokens between semicolons, with the byte where each piece ends. */
function* pieces(tokens: Token[], length: number): Generator<{ tokens: Token[]; end: number }> {
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].text !== ';') continue;
    yield { tokens: tokens.slice(from, i), end: i < tokens.length ? tokens[i].start : length };
    from = i + 1;
  }
}

/** The LOOP that ends a FOR header, outside parentheses; -1 when the piece has none. */
function loopKeyword(tokens: Token[], from: number): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')') depth--;
    else if (depth === 0 && tokens[i].word === 'loop') return i;
  }
  return -1;
}

/** Where the SQL of a piece ends: PL/pgSQL's `RETURNING ... INTO target` is not SQL, so it stops before INTO. */
function sqlEnd(tokens: Token[], from: number, end: number): number {
  let depth = 0;
  let returning = false;
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')') depth--;
    else if (depth === 0 && tokens[i].word === 'returning') returning = true;
    else if (depth === 0 && returning && tokens[i].word === 'into') return tokens[i].start;
  }
  return end;
}

/** The statements of one piece of SQL, or none when it does not parse (PL/pgSQL-only syntax, a typo). */
function parse(sql: string): { kind: string; body: AstNode }[] {
  const outcome = parseMigration(sql);
  if (outcome.syntaxError) return [];
  return outcome.statements.map(({ kind, body }) => ({ kind, body }));
}
