// State rules keep between statements. Rule objects are shared by every file and every lint run, so they hold
// nothing themselves: a rule declares a key (module level, a name and how to make an empty value) and asks
// the context for its value, which the driver keeps per file or per change set and drops when that ends.
import type { ParsedStatement } from './parse.js';

export interface StateKey<T> {
  /** For debugging: what the state is. */
  readonly name: string;
  /** The value a file (or change set) starts with. */
  readonly create: () => T;
}

export function stateKey<T>(name: string, create: () => T): StateKey<T> {
  return { name, create };
}

/** The values of one scope (a file, a change set): one per key, made on first use. */
export class StateStore {
  private readonly values = new Map<StateKey<unknown>, unknown>();

  get<T>(key: StateKey<T>): T {
    if (this.values.has(key)) {
      // Only `get` stores, and it stores under each key a value that key created.
      return this.values.get(key) as T;
    }
    const value = key.create();
    this.values.set(key, value);
    return value;
  }
}

/** What a rule may ask of the driver's state: kept for the file being linted, or for its whole change set. */
export interface RuleState {
  /** The value of `key` for the file being linted, shared by every rule that uses the same key. */
  fileState: <T>(key: StateKey<T>) => T;
  /** The value of `key` for the change set being linted: it carries over to the next file of the change set. */
  changeSetState: <T>(key: StateKey<T>) => T;
}

/**
 * A value computed once per statement of a file (tokens, column lists) and shared by the rules that ask for it:
 * `memo(ctx, statement)` computes it the first time and returns the same value after that.
 */
export function statementMemo<T>(
  name: string,
  compute: (statement: ParsedStatement) => T
): (state: Pick<RuleState, 'fileState'>, statement: ParsedStatement) => T {
  const key = stateKey(name, () => new Map<ParsedStatement, T>());
  return (state, statement) => {
    const memo = state.fileState(key);
    if (memo.has(statement)) return memo.get(statement) as T;
    const value = compute(statement);
    memo.set(statement, value);
    return value;
  };
}
