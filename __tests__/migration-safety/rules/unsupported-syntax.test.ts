import { ruleTable } from '../rule-table.js';

// The parser is PostgreSQL 18's; with pg-version 14 the server rejects what arrived later.
ruleTable('unsupported-syntax', {
  options: { pgVersion: 14 },
  reports: [
    { sql: 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;', message: 'MERGE arrived in PostgreSQL 15' },
    {
      sql: 'CREATE TABLE t (a int UNIQUE NULLS NOT DISTINCT);',
      message: 'NULLS NOT DISTINCT arrived in PostgreSQL 15'
    },
    { sql: "SELECT JSON_OBJECT('a' VALUE 1);", message: 'JSON_OBJECT() arrived in PostgreSQL 16' },
    { sql: 'CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL);', message: 'PostgreSQL 18' }
  ],
  accepts: [
    'REINDEX INDEX CONCURRENTLY i;',
    'CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);',
    'CREATE TABLE t (a int4multirange);',
    "SELECT '{}'::jsonb;"
  ]
});
