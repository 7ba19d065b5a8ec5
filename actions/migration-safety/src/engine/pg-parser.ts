// libpg-query's WebAssembly parser, called directly. The package's own wrapper copies the SQL into wasm memory
// and the JSON back out one byte at a time in JavaScript; on a cold run (every CI run) that cost as much as
// the parsing itself. Here the copies are TextEncoder/TextDecoder calls, which are native.
import { setFlagsFromString } from 'node:v8';
import type { ParseResult } from '@pgsql/types';
import createModule from 'libpg-query/wasm/libpg-query.js';
import type { PlParseResult } from './plpgsql-ast.js';

/** libpg-query's JSON parse tree: one entry per statement, with its byte offset and length in the input. */
export type ParseTree = ParseResult;

interface WasmParser {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_parse_plpgsql(query: number): number;
  _wasm_free_string(result: number): void;
}

/** PostgreSQL's error for SQL it rejects; `cursorPosition` is 0-based and counts characters, not bytes. */
export class PgSyntaxError extends Error {
  constructor(
    message: string,
    readonly cursorPosition: number
  ) {
    super(message);
    this.name = 'PgSyntaxError';
  }
}

let wasm: WasmParser | undefined;
let loading: Promise<void> | undefined;

/**
 * V8 runs WebAssembly first as baseline (Liftoff) code and recompiles a function that has run long enough with
 * its optimising compiler. The parser's main function is one huge state machine that gets there within the
 * first files, and optimising it cost ~50 MB and ~0.2 s of CPU on Node 20, and ~550 MB (a peak RSS of 610 MB for
 * a one-file run, 700 MB for 820 files) and ~0.3 s on Node 24: more than the faster code ever saves on a CI
 * run. So the parser stays baseline code. These flags are read when a module is compiled, so they are set just
 * before; each is named on its own because Node 24 does not derive the tiering ones from --liftoff-only.
 */
const BASELINE_WASM_ONLY = '--liftoff-only --no-wasm-tier-up --no-wasm-dynamic-tiering';

/** Instantiates the parser once; the synchronous calls below need it resolved. */
export function loadPgParser(): Promise<void> {
  if (!loading) setFlagsFromString(BASELINE_WASM_ONLY);
  return (loading ??= createModule().then((module) => {
    wasm = module as WasmParser;
  }));
}

function parser(): WasmParser {
  if (!wasm) throw new Error('the PostgreSQL parser is not loaded: await loadPgParser() first');
  return wasm;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Copies `text` into wasm memory as a NUL-terminated UTF-8 string; the caller frees it. */
function toWasm(module: WasmParser, text: string): number {
  const bytes = encoder.encode(text);
  const pointer = module._malloc(bytes.length + 1);
  if (!pointer) throw new Error(`the PostgreSQL parser could not allocate ${bytes.length} bytes`);
  // HEAPU8 is replaced when memory grows, so it is read after the allocation.
  module.HEAPU8.set(bytes, pointer);
  module.HEAPU8[pointer + bytes.length] = 0;
  return pointer;
}

function fromWasm(module: WasmParser, pointer: number): string {
  const heap = module.HEAPU8;
  const end = heap.indexOf(0, pointer);
  return decoder.decode(heap.subarray(pointer, end === -1 ? heap.length : end));
}

/** The parse tree of `sql` as libpg-query's JSON (`{ version, stmts: [...] }`); throws PgSyntaxError. */
export function parseSql(sql: string): ParseTree {
  const module = parser();
  const query = toWasm(module, sql);
  let result = 0;
  try {
    result = module._wasm_parse_query_raw(query);
    if (!result) throw new Error('the PostgreSQL parser ran out of memory');
    // struct PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error; }
    const tree = module.HEAPU32[result >> 2];
    const error = module.HEAPU32[(result + 8) >> 2];
    if (error) {
      // struct PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos; ... }
      const message = module.HEAPU32[error >> 2];
      const cursor = module.HEAPU32[(error + 16) >> 2] | 0;
      throw new PgSyntaxError(message ? fromWasm(module, message) : 'syntax error', cursor > 0 ? cursor - 1 : 0);
    }
    if (!tree) throw new Error('the PostgreSQL parser returned no parse tree');
    return JSON.parse(fromWasm(module, tree)) as ParseTree;
  } finally {
    module._free(query);
    if (result) module._wasm_free_parse_result(result);
  }
}

/** PostgreSQL's error for a PL/pgSQL body it rejects; the parser reports no position for these. */
export class PlpgsqlError extends Error {
  override readonly name = 'PlpgsqlError';
}

/**
 * The PL/pgSQL parse tree of the DO blocks (and PL/pgSQL functions) in `sql`: libpg-query compiles each body as
 * the server does when it runs it, so a body the server would reject throws PlpgsqlError with its message.
 */
export function parsePlpgsql(sql: string): PlParseResult {
  const module = parser();
  const query = toWasm(module, sql);
  let result = 0;
  try {
    result = module._wasm_parse_plpgsql(query);
    if (!result) throw new Error('the PL/pgSQL parser ran out of memory');
    const text = fromWasm(module, result);
    // Success is a JSON object; anything else is the error message.
    if (!text.startsWith('{')) throw new PlpgsqlError(text || 'the PL/pgSQL body does not compile');
    return JSON.parse(text) as PlParseResult;
  } finally {
    module._free(query);
    if (result) module._wasm_free_string(result);
  }
}
