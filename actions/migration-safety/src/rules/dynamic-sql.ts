import { defineRule } from '../engine/rule.js';

// The DO block reader (engine/plpgsql.ts) records each EXECUTE whose string is built at run time.
export const dynamicSql = defineRule({
  id: 'dynamic-sql',
  severity: 'warning',
  message: 'EXECUTE of a string built at run time: the SQL it runs cannot be linted',
  help: 'Statements a DO block runs are linted like any other, and so is `EXECUTE` of a constant string (a literal, literals joined with `||`, or `format()` of literals). A string built from variables, query results or function calls is only known when the block runs, so none of the rules can check what it does: a lock, a rewrite or a drop in it would pass unnoticed. Write the statement itself in the block (PL/pgSQL runs DDL directly), or in the file; when the SQL must be dynamic, review it by hand and ignore this warning for the block with `-- ubos-ignore: dynamic-sql`.',
  equivalents: {},
  check(ctx) {
    for (const dynamic of ctx.statement.plpgsql?.dynamic ?? [])
      ctx.report({
        range: dynamic.range,
        message: dynamic.expression.startsWith('a DO block in LANGUAGE')
          ? `${dynamic.expression}: the SQL it runs cannot be linted`
          : `EXECUTE ${dynamic.expression} builds its SQL at run time: what it runs cannot be linted`
      });
  }
});
