-- Built without blocking writes; must run outside a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx ON items (name);
