import { EXISTING } from '../lint-sql.js';
import { ruleTable } from '../rule-table.js';

// A length limit in the column type (varchar(n)), wherever a column's type is chosen; the finding is at the type.
ruleTable('prefer-text-field', {
  reports: [
    {
      sql: 'CREATE TABLE t (id bigint, email varchar(100) NOT NULL);',
      at: [[1, 34, 1, 46]],
      message:
        't.email is varchar(100): changing the limit later locks the table (ACCESS EXCLUSIVE); use text with CHECK (char_length(email) <= 100)'
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN nick character varying(30);',
      history: [EXISTING],
      at: [[1, 35, 1, 56]],
      message: 'users.nick is character varying(30)'
    },
    {
      // squawk flags this too: the limit grows without a rewrite, but still under ACCESS EXCLUSIVE.
      sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);',
      history: [EXISTING],
      at: [[1, 42, 1, 54]],
      message: 'CHECK (char_length(name) <= 200)'
    },
    {
      sql: 'CREATE TABLE t (tags varchar(20)[], code pg_catalog.varchar(8));',
      at: [
        [1, 22, 1, 35],
        [1, 42, 1, 63]
      ]
    },
    { sql: 'CREATE TABLE t (tags varchar(20)[]);', message: 'use text[], with a CHECK constraint' },
    { sql: 'DO $$ BEGIN\n  CREATE TABLE t (c varchar(5));\nEND $$;', at: [[2, 21, 2, 31]] }
  ],
  accepts: [
    // Without a limit varchar is text under another name.
    'CREATE TABLE t (a varchar, b character varying, c text);',
    'CREATE TABLE t (c text CHECK (char_length(c) <= 100));',
    { sql: 'ALTER TABLE users ALTER COLUMN name TYPE text;', history: [EXISTING] },
    // char(n) is ban-char-field's; a cast or a domain is not a column's type.
    'CREATE TABLE t (code char(2));',
    "SELECT 'x'::varchar(10);",
    'CREATE DOMAIN short_text AS varchar(10);'
  ]
});
