import { ruleTable } from '../rule-table.js';

ruleTable('dynamic-sql', {
  reports: [
    {
      sql: "DO $$ DECLARE t text := 'users'; BEGIN EXECUTE 'DROP TABLE ' || t; END $$;",
      message: "EXECUTE 'DROP TABLE ' || t builds its SQL at run time"
    },
    { sql: 'DO LANGUAGE plpython3u $$ plpy.execute("DROP TABLE users") $$;', message: 'LANGUAGE plpython3u' }
  ],
  accepts: [
    "DO $$ BEGIN EXECUTE 'SELECT 1'; END $$;",
    "DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN a int', 'users'); END $$;",
    'DO $$ BEGIN ALTER TABLE users ADD COLUMN a int; END $$;'
  ]
});
