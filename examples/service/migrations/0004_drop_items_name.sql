-- Contract (release 1.2.0): nothing reads items.name since 1.1.0. The pipeline's expand-contract sequencing
-- refuses this file until 0003 has been in production for a release.
SET lock_timeout = '2s';
SET statement_timeout = '30s';
-- ubos-ignore: ban-drop-column -- the contract step of 0003; 1.1.0 no longer reads name
ALTER TABLE items DROP COLUMN IF EXISTS name;
