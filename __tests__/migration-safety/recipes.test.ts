import { renderText } from '../../actions/migration-safety/src/report.js';
import { recipeMarkdown } from '../../actions/migration-safety/src/engine/recipes.js';
import { findingsOf, lintSql } from './lint-sql.js';

const history = ['CREATE TABLE "Order" (id bigint PRIMARY KEY, total int, note varchar(50));'];

describe('expand-migrate-contract recipes', () => {
  it('writes the rename recipe for the actual table, columns and type', async () => {
    const [finding] = await findingsOf('renaming-column', 'ALTER TABLE "Order" RENAME COLUMN note TO comment;', {
      history
    });
    expect(finding.recipe?.steps.map((s) => s.title.split(',')[0])).toEqual(['Deploy 1', 'Deploy 2', 'Deploy 3']);
    const sql = finding.recipe!.steps.map((s) => s.sql).join('\n');
    expect(sql).toContain('ALTER TABLE "Order" ADD COLUMN comment varchar(50);');
    expect(sql).toContain('ALTER TABLE "Order" DROP COLUMN note;');
    expect(recipeMarkdown(finding.recipe!)).toContain('```sql');
  });

  it('writes the type-change, SET NOT NULL and drop-column recipes', async () => {
    const sql = [
      'ALTER TABLE "Order" ALTER COLUMN total TYPE bigint;',
      'ALTER TABLE "Order" ALTER COLUMN note SET NOT NULL;',
      'ALTER TABLE "Order" DROP COLUMN note;'
    ].join('\n');
    const result = await lintSql(sql, { history });
    const recipe = (rule: string) => result.findings.find((f) => f.rule === rule)?.recipe;
    expect(recipe('changing-column-type')?.steps[0].sql).toContain('ADD COLUMN total_new bigint');
    expect(recipe('adding-not-nullable-field')?.steps[1].sql).toContain(
      'CHECK (note IS NOT NULL) NOT VALID;\nALTER TABLE "Order" VALIDATE CONSTRAINT'
    );
    expect(recipe('ban-drop-column')?.steps.at(-1)?.sql).toBe('ALTER TABLE "Order" DROP COLUMN note;');
  });

  it('prints the recipe under the finding in the text report', async () => {
    const result = await lintSql('ALTER TABLE "Order" RENAME TO orders;', { history });
    const text = renderText(result);
    expect(text).toContain('safe way: Rename table Order to orders without breaking the running release');
    expect(text).toContain('        CREATE VIEW "Order" AS SELECT * FROM orders;');
  });
});
