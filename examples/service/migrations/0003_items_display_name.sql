-- Expand (release 1.1.0): items get display_name next to name, filled from it; the application reads
-- display_name and writes both. name is dropped by 0004 once this release has been in production.
SET lock_timeout = '2s';
SET statement_timeout = '30s';
ALTER TABLE items ADD COLUMN IF NOT EXISTS display_name text;
UPDATE items SET display_name = name WHERE display_name IS NULL;
