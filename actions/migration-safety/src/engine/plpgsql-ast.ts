// The parts of libpg-query's PL/pgSQL JSON (parsePlpgsql) that engine/plpgsql.ts reads. @pgsql/types covers
// only the SQL parse tree, so these are declared here, as optional fields the way the JSON omits defaults.
// A PL/pgSQL node is a `{ PLpgSQL_kind: {...} }` wrapper, like the SQL AST's.

/** A SQL expression or query of the body, as its text. */
export interface PlExpr {
  query?: string;
}

export interface PlExprNode {
  PLpgSQL_expr?: PlExpr;
}

/** A variable, record or row the block declares (`datums`). */
export interface PlDatum {
  refname?: string;
}

/** `datums` entries: `{ PLpgSQL_var: {...} }`, `{ PLpgSQL_rec: {...} }`, `{ PLpgSQL_row: {...} }`... */
export type PlDatumNode = Partial<Record<string, PlDatum>>;

export interface PlFunction {
  datums?: PlDatumNode[];
  action?: PlStatementNode;
}

export interface PlFunctionNode {
  PLpgSQL_function?: PlFunction;
}

export interface PlParseResult {
  plpgsql_funcs?: PlFunctionNode[];
}

interface PlLine {
  lineno?: number;
}

export interface PlBlock extends PlLine {
  body?: PlStatementNode[];
  exceptions?: { PLpgSQL_exception_block?: { exc_list?: { PLpgSQL_exception?: { action?: PlStatementNode[] } }[] } };
}

export interface PlIf extends PlLine {
  then_body?: PlStatementNode[];
  elsif_list?: { PLpgSQL_if_elsif?: { stmts?: PlStatementNode[] } }[];
  else_body?: PlStatementNode[];
}

export interface PlCase extends PlLine {
  case_when_list?: { PLpgSQL_case_when?: { stmts?: PlStatementNode[] } }[];
  else_stmts?: PlStatementNode[];
}

export interface PlLoop extends PlLine {
  body?: PlStatementNode[];
}

/** `FOR var IN query LOOP`: the loop variable is a record or a row. */
export interface PlForQuery extends PlLoop {
  query?: PlExprNode;
  var?: { PLpgSQL_rec?: PlDatum; PLpgSQL_row?: PlDatum };
}

export interface PlDynamicFor extends PlLoop {
  query?: PlExprNode;
}

export interface PlExecSql extends PlLine {
  sqlstmt?: PlExprNode;
}

export interface PlCall extends PlLine {
  expr?: PlExprNode;
}

export interface PlDynamicExecute extends PlLine {
  query?: PlExprNode;
}

/** OPEN ... FOR EXECUTE and RETURN QUERY EXECUTE: `dynquery` is set for the EXECUTE forms. */
export interface PlDynamicQuery extends PlLine {
  dynquery?: PlExprNode;
}

/** The statement kinds that can run SQL, by wrapper key. */
export interface PlStatementMap {
  PLpgSQL_stmt_block: PlBlock;
  PLpgSQL_stmt_if: PlIf;
  PLpgSQL_stmt_case: PlCase;
  PLpgSQL_stmt_loop: PlLoop;
  PLpgSQL_stmt_while: PlLoop;
  PLpgSQL_stmt_fori: PlLoop;
  PLpgSQL_stmt_foreach_a: PlLoop;
  PLpgSQL_stmt_forc: PlLoop;
  PLpgSQL_stmt_fors: PlForQuery;
  PLpgSQL_stmt_dynfors: PlDynamicFor;
  PLpgSQL_stmt_execsql: PlExecSql;
  PLpgSQL_stmt_call: PlCall;
  PLpgSQL_stmt_dynexecute: PlDynamicExecute;
  PLpgSQL_stmt_open: PlDynamicQuery;
  PLpgSQL_stmt_return_query: PlDynamicQuery;
}

/**
 * A statement of the body. Only the kinds that can run SQL are declared; the others (assignments, RAISE,
 * RETURN...) have other keys and are skipped.
 */
export type PlStatementNode = Partial<PlStatementMap>;

export type PlStatement = { [K in keyof PlStatementMap]: { kind: K; body: PlStatementMap[K] } }[keyof PlStatementMap];

const KINDS: Record<keyof PlStatementMap, true> = {
  PLpgSQL_stmt_block: true,
  PLpgSQL_stmt_if: true,
  PLpgSQL_stmt_case: true,
  PLpgSQL_stmt_loop: true,
  PLpgSQL_stmt_while: true,
  PLpgSQL_stmt_fori: true,
  PLpgSQL_stmt_foreach_a: true,
  PLpgSQL_stmt_forc: true,
  PLpgSQL_stmt_fors: true,
  PLpgSQL_stmt_dynfors: true,
  PLpgSQL_stmt_execsql: true,
  PLpgSQL_stmt_call: true,
  PLpgSQL_stmt_dynexecute: true,
  PLpgSQL_stmt_open: true,
  PLpgSQL_stmt_return_query: true
};

function isKind(key: string | undefined): key is keyof PlStatementMap {
  return key !== undefined && Object.hasOwn(KINDS, key);
}

/** A statement node as its kind and payload, when it is one of the kinds that can run SQL. */
export function unwrapPlStatement(node: PlStatementNode | undefined): PlStatement | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const kind = Object.keys(node)[0];
  if (!isKind(kind)) return undefined;
  const body = node[kind];
  return body ? { kind, body } : undefined;
}
