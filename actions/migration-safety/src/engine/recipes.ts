// Expand-migrate-contract recipes: the multi-deploy way to make a change that breaks the running release when
// done in one step, written in SQL for the actual table and column names so it can be copied.
import { quoteIdent, quoteQualified, type QualifiedName } from './ast.js';
import type { Recipe } from './types.js';

function batchBackfill(table: string, set: string, where: string): string {
  return [
    `-- repeat until it updates 0 rows; small batches keep row locks and WAL bursts short`,
    `UPDATE ${table} SET ${set}`,
    `WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${where} LIMIT 10000);`
  ].join('\n');
}

function syncTrigger(table: QualifiedName, fn: string, body: string): string {
  const t = quoteQualified(table);
  return [
    `CREATE OR REPLACE FUNCTION ${quoteIdent(fn)}() RETURNS trigger LANGUAGE plpgsql AS $$`,
    `BEGIN`,
    `  ${body}`,
    `  RETURN NEW;`,
    `END $$;`,
    `CREATE TRIGGER ${quoteIdent(fn)} BEFORE INSERT OR UPDATE ON ${t}`,
    `  FOR EACH ROW EXECUTE FUNCTION ${quoteIdent(fn)}();`
  ].join('\n');
}

export function renameColumnRecipe(table: QualifiedName, from: string, to: string, type = '<type>'): Recipe {
  const t = quoteQualified(table);
  const [a, b] = [quoteIdent(from), quoteIdent(to)];
  const fn = `${table.name}_${to}_sync`.slice(0, 63);
  return {
    title: `Rename ${table.name}.${from} to ${to} without breaking the running release`,
    steps: [
      {
        title: 'Deploy 1, expand: add the new column and keep both in sync',
        sql: [
          `ALTER TABLE ${t} ADD COLUMN ${b} ${type};`,
          syncTrigger(table, fn, `NEW.${b} := COALESCE(NEW.${b}, NEW.${a}); NEW.${a} := COALESCE(NEW.${a}, NEW.${b});`),
          batchBackfill(t, `${b} = ${a}`, `${b} IS NULL AND ${a} IS NOT NULL`)
        ].join('\n')
      },
      {
        title: `Deploy 2, migrate: the application reads and writes ${to} only`,
        sql: `-- no schema change; ship the code that uses ${to}`
      },
      {
        title: `Deploy 3, contract: once no running release uses ${from}`,
        sql: [
          `DROP TRIGGER ${quoteIdent(fn)} ON ${t};`,
          `DROP FUNCTION ${quoteIdent(fn)}();`,
          `ALTER TABLE ${t} DROP COLUMN ${a};`
        ].join('\n')
      }
    ]
  };
}

export function renameTableRecipe(table: QualifiedName, to: string): Recipe {
  const t = quoteQualified(table);
  const target = quoteQualified({ ...table, name: to, key: `${table.schema}.${to}` });
  return {
    title: `Rename table ${table.name} to ${to} without breaking the running release`,
    steps: [
      {
        title: 'Deploy 1, expand: rename, and leave an updatable view under the old name',
        sql: [
          `BEGIN;`,
          `ALTER TABLE ${t} RENAME TO ${quoteIdent(to)};`,
          `CREATE VIEW ${t} AS SELECT * FROM ${target};`,
          `COMMIT;`
        ].join('\n')
      },
      {
        title: `Deploy 2, migrate: the application uses ${to} only`,
        sql: `-- no schema change; ship the code that uses ${to}`
      },
      { title: `Deploy 3, contract: once no running release uses ${table.name}`, sql: `DROP VIEW ${t};` }
    ]
  };
}

export function changeTypeRecipe(table: QualifiedName, column: string, newType: string): Recipe {
  const t = quoteQualified(table);
  const a = quoteIdent(column);
  const tmp = `${column}_new`.slice(0, 63);
  const b = quoteIdent(tmp);
  const fn = `${table.name}_${tmp}_sync`.slice(0, 63);
  return {
    title: `Change ${table.name}.${column} to ${newType} without a table rewrite under lock`,
    steps: [
      {
        title: 'Deploy 1, expand: add a column of the new type, dual-write, backfill',
        sql: [
          `ALTER TABLE ${t} ADD COLUMN ${b} ${newType};`,
          syncTrigger(table, fn, `NEW.${b} := NEW.${a}::${newType};`),
          batchBackfill(t, `${b} = ${a}::${newType}`, `${b} IS NULL AND ${a} IS NOT NULL`)
        ].join('\n')
      },
      {
        title: `Deploy 2, migrate: the application reads ${tmp}`,
        sql: `-- no schema change; ship the code that reads ${tmp}`
      },
      {
        title: 'Deploy 3, contract: swap the columns and drop the old one',
        sql: [
          `BEGIN;`,
          `SET LOCAL lock_timeout = '2s';`,
          `DROP TRIGGER ${quoteIdent(fn)} ON ${t};`,
          `DROP FUNCTION ${quoteIdent(fn)}();`,
          `ALTER TABLE ${t} DROP COLUMN ${a};`,
          `ALTER TABLE ${t} RENAME COLUMN ${b} TO ${a};`,
          `COMMIT;`
        ].join('\n')
      }
    ]
  };
}

export function dropColumnRecipe(table: QualifiedName, column: string): Recipe {
  const t = quoteQualified(table);
  return {
    title: `Drop ${table.name}.${column} without breaking the running release`,
    steps: [
      {
        title: `Deploy 1: stop using ${column} in the application`,
        sql: `-- no schema change; remove ${column} from queries and ORM models (Rails: ignored_columns; Prisma: remove the field)\n-- if it is NOT NULL without a default, let inserts omit it first:\nALTER TABLE ${t} ALTER COLUMN ${quoteIdent(column)} DROP NOT NULL;`
      },
      {
        title: 'Deploy 2, contract: drop it once no running release reads it',
        sql: `ALTER TABLE ${t} DROP COLUMN ${quoteIdent(column)};`
      }
    ]
  };
}

export function setNotNullRecipe(table: QualifiedName, column: string, pgVersion: number): Recipe {
  const t = quoteQualified(table);
  const c = quoteIdent(column);
  const check = quoteIdent(`${table.name}_${column}_not_null`.slice(0, 63));
  const steps = [
    {
      title: 'Deploy 1, expand: the application writes a value for every new row; backfill the old ones',
      sql: batchBackfill(t, `${c} = <value>`, `${c} IS NULL`)
    },
    {
      title: 'Deploy 2: add the rule without scanning under lock, then validate without blocking writes',
      sql: [
        `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${c} IS NOT NULL) NOT VALID;`,
        `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`
      ].join('\n')
    }
  ];
  if (pgVersion >= 12) {
    steps.push({
      title: 'Deploy 3, contract: SET NOT NULL uses the validated check and skips the scan (PostgreSQL 12+)',
      sql: [`ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`, `ALTER TABLE ${t} DROP CONSTRAINT ${check};`].join('\n')
    });
  } else {
    steps.push({
      title:
        'Deploy 3: keep the validated CHECK constraint (before PostgreSQL 12, SET NOT NULL always scans the table)',
      sql: `-- leave ${check} in place`
    });
  }
  return { title: `Make ${table.name}.${column} NOT NULL without a full-table scan under ACCESS EXCLUSIVE`, steps };
}

/** Markdown for a recipe, used in help text, the job summary and the PR comment. */
export function recipeMarkdown(recipe: Recipe): string {
  return [
    `**${recipe.title}**`,
    '',
    ...recipe.steps.flatMap((s) => [`${s.title}:`, '', '```sql', s.sql, '```', ''])
  ].join('\n');
}
