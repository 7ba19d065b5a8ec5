import { as, listName } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';

const CHECKING = new Set(['CONSTR_CHECK', 'CONSTR_NOTNULL']);

export const banCreateDomainWithConstraint = defineRule({
  id: 'ban-create-domain-with-constraint',
  severity: 'warning',
  message: 'A domain with a constraint is hard to change online',
  help: 'Every later change to a domain constraint (ADD CONSTRAINT, SET NOT NULL) checks all columns of every table that uses the domain while locking them, and it cannot be staged with NOT VALID ... VALIDATE per table. Declare the domain without constraints and put CHECK / NOT NULL constraints on the table columns, where they can be added NOT VALID and validated without blocking writes.',
  equivalents: { squawk: ['ban-create-domain-with-constraint'] },
  kinds: ['CreateDomainStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'CreateDomainStmt') return;
    // DEFAULT and NULL are parsed as constraints too, but they check nothing and change instantly.
    const constraints = (body.constraints ?? [])
      .map((c) => as(c, 'Constraint'))
      .filter((c) => c?.contype !== undefined && CHECKING.has(c.contype));
    if (constraints.length === 0) {
      // squawk flags these clauses as constraints.
      if ((body.constraints ?? []).length > 0 || body.collClause)
        ctx.report({ exempt: 'DEFAULT, NULL and COLLATE check nothing: changing them later scans no table' });
      return;
    }
    const start = Math.min(...constraints.map((c) => c?.location ?? ctx.statement.range.start));
    ctx.report({
      message: `Domain ${listName(body.domainname).name} is created with a constraint: later changes to it lock every table that uses the domain`,
      range: ctx.at(start)
    });
  }
});
