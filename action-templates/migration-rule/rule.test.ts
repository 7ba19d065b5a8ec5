import { EXISTING } from '../lint-sql.js';
import { ruleTable } from '../rule-table.js';

// One row per case: the SQL the rule reports (with where) and the SQL it lets through (with the exemption it
// records instead, when it recognises the hazard but judges it harmless there).
ruleTable('__ID__', {
  // The rule is opt-in (`optIn` in its module): on for this table.
  options: { rules: { '__ID__': { enabled: true } } },
  reports: [
    {
      sql: 'ALTER TABLE users SET TABLESPACE fast;',
      history: [EXISTING],
      at: [[1, 1, 1, 38]],
      message: 'SET TABLESPACE fast rewrites users under ACCESS EXCLUSIVE'
    }
  ],
  accepts: [
    { sql: 'CREATE TABLE t (a bigint);\nALTER TABLE t SET TABLESPACE fast;', exempt: 'table created in this change set' },
    { sql: 'ALTER TABLE users ADD COLUMN nick text;', history: [EXISTING] },
    { sql: 'CREATE TABLE t (a bigint) TABLESPACE fast;' }
  ]
});
