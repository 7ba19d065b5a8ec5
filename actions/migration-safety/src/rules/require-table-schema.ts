import { as, names } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
import type { RangeVar } from '@pgsql/types';
import type { ByteRange } from '../engine/types.js';
import { tokenAt, tokensOf, truncateIdentifier, type Token } from './compatibility-helpers.js';

// ALTER TABLE ... RENAME [COLUMN | CONSTRAINT]; the parser records no relationType for the constraint form.
const TABLE_RENAMES = new Set<string | undefined>(['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT']);

const range = (t: Token): ByteRange => ({ start: t.start, end: t.end });

export const requireTableSchema = defineRule({
  id: 'require-table-schema',
  severity: 'warning',
  optIn: true,
  message: 'The table name is not schema-qualified, so search_path decides which table it is',
  help: 'An unqualified name resolves through `search_path`, which can differ between the migration runner, a manual psql session and other roles: the same migration can then create or change a table in another schema. Write `schema.table`. squawk only runs this rule when asked (`--include require-table-schema`); teams with a single `public` schema usually disable it.',
  equivalents: { squawk: ['require-table-schema'] },
  check(ctx) {
    const { kind, body } = ctx.statement;
    const tokens = tokensOf(ctx);
    const relations: (RangeVar | undefined)[] = [];
    if (kind === 'CreateStmt') relations.push(body.relation);
    else if (kind === 'CreateTableAsStmt' && body.objtype === 'OBJECT_TABLE') relations.push(body.into?.rel);
    else if (kind === 'AlterTableStmt' && body.objtype === 'OBJECT_TABLE') relations.push(body.relation);
    else if (
      kind === 'RenameStmt' &&
      TABLE_RENAMES.has(body.renameType) &&
      (body.renameType !== 'OBJECT_COLUMN' || body.relationType === 'OBJECT_TABLE')
    )
      relations.push(body.relation);
    for (const rel of relations) {
      if (!rel || rel.schemaname) continue;
      const token = tokens[tokenAt(tokens, rel.location ?? ctx.statement.range.start)];
      ctx.report({ range: token ? range(token) : undefined });
    }
    if (kind === 'DropStmt' && body.removeType === 'OBJECT_TABLE') {
      let from = 0;
      for (const object of body.objects ?? []) {
        const parts = names(as(object, 'List')?.items);
        // The parser keeps no location for DROP TABLE names: find each one after the previous.
        const at = tokens.findIndex(
          (t, i) =>
            i >= from &&
            i > 1 &&
            t.word !== undefined &&
            truncateIdentifier(t.word) === parts[parts.length - 1] &&
            tokens[i - 1].text !== '.'
        );
        if (at === -1) continue;
        from = at + 1;
        if (parts.length === 1) ctx.report({ range: range(tokens[at]) });
      }
    }
  }
});
