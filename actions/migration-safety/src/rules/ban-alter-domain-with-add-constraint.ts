import { as, listName } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';

export const banAlterDomainWithAddConstraint = defineRule({
  id: 'ban-alter-domain-with-add-constraint',
  severity: 'warning',
  message: 'ALTER DOMAIN ... ADD CONSTRAINT checks every column that uses the domain while blocking writes',
  help: 'Adding a constraint to a domain scans every table with a column of that domain, holding a SHARE lock on each (writes wait) until the whole check is done, and there is no per-table NOT VALID / VALIDATE staging. Put the constraint on the table columns instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT). `ADD CONSTRAINT ... NOT VALID` on the domain skips the scan and is not flagged; validate it later, in a quiet period.',
  equivalents: { squawk: ['ban-alter-domain-with-add-constraint'] },
  kinds: ['AlterDomainStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    // 'C' is ADD CONSTRAINT (AlterDomainStmt.subtype is the parser's one-letter code).
    if (kind !== 'AlterDomainStmt' || body.subtype !== 'C') return;
    const name = listName(body.typeName).name;
    if (as(body.def, 'Constraint')?.skip_validation)
      return ctx.report({ exempt: 'NOT VALID: existing rows are not checked, so no table is scanned' });
    ctx.report({
      message: `ALTER DOMAIN ${name} ADD CONSTRAINT checks every column of type ${name} while blocking writes to their tables`
    });
  }
});
