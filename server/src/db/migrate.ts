// The schema, created idempotently on every start. An advisory lock keeps two servers starting at
// once on one PostgreSQL from racing on CREATE.
import type { Db } from './adapter';

/** Any constant: the key of the advisory lock held while migrating and seeding. */
export const SETUP_LOCK = 7_311_001;

const statements = [
  `CREATE TABLE IF NOT EXISTS change_counter (id int PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)`,
  `INSERT INTO change_counter (id, value) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
  // Only for testHooks.changeOrder 'naive': the unsafe order the concurrent-writers test must catch.
  `CREATE SEQUENCE IF NOT EXISTS naive_change_seq`,
  `CREATE TABLE IF NOT EXISTS docs (
     collection text NOT NULL, id text NOT NULL, street_id text NOT NULL,
     community_id text, compound_id text, seq bigint NOT NULL, deleted boolean NOT NULL,
     data jsonb NOT NULL, PRIMARY KEY (collection, id))`,
  `CREATE INDEX IF NOT EXISTS docs_by_seq ON docs (collection, street_id, seq)`,
  `CREATE TABLE IF NOT EXISTS scope_exits (
     seq bigint NOT NULL, collection text NOT NULL, id text NOT NULL, street_id text NOT NULL,
     community_id text, compound_id text)`,
  `CREATE INDEX IF NOT EXISTS scope_exits_by_seq ON scope_exits (collection, street_id, seq)`,
  `CREATE TABLE IF NOT EXISTS audit (
     seq bigint NOT NULL, collection text NOT NULL, id text NOT NULL,
     at timestamptz NOT NULL DEFAULT now(), user_id text NOT NULL, device_id text,
     before jsonb, after jsonb NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS audit_by_doc ON audit (collection, id, seq)`,
  `CREATE TABLE IF NOT EXISTS users (
     id text PRIMARY KEY, username text NOT NULL, password_hash text NOT NULL,
     display_name text NOT NULL, role text NOT NULL, street_id text NOT NULL,
     community_ids jsonb NOT NULL DEFAULT '[]', unit_id text,
     disabled boolean NOT NULL DEFAULT false, failed_logins int NOT NULL DEFAULT 0,
     locked_until timestamptz, created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_by_username ON users (lower(username))`,
  `CREATE TABLE IF NOT EXISTS devices (
     id text PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), name text NOT NULL,
     app_version text, last_seen_at timestamptz, revoked_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now())`,
  // The device's wrapping secret (LoginResponse.deviceKey); emptied when the device is revoked.
  `ALTER TABLE devices ADD COLUMN IF NOT EXISTS secret text`,
  `CREATE TABLE IF NOT EXISTS sessions (
     token_hash text PRIMARY KEY, user_id text NOT NULL REFERENCES users (id),
     device_id text NOT NULL REFERENCES devices (id), created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL, revoked_at timestamptz)`,
  `CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id)`,
  `CREATE INDEX IF NOT EXISTS sessions_by_device ON sessions (device_id)`,
  // Every export of ID numbers and mobiles in full (design.md: "each time is logged").
  `CREATE TABLE IF NOT EXISTS disclosures (
     id text PRIMARY KEY, street_id text NOT NULL, user_id text NOT NULL REFERENCES users (id),
     device_id text NOT NULL REFERENCES devices (id), list_name text NOT NULL,
     row_count int NOT NULL, reason text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX IF NOT EXISTS disclosures_by_street ON disclosures (street_id, at)`,
  // A community's pull (issue 7): its rows of one collection in seq order, without reading the
  // other communities' (docs_by_seq still serves the street-wide pulls of admins).
  `CREATE INDEX IF NOT EXISTS docs_by_community_seq ON docs (collection, street_id, community_id, seq)`,
  // Documents and audit states compressed with lz4 rather than pglz (far cheaper for every push's
  // audit row) where the server has it; PGlite has not. Altered once: the check keeps later starts
  // from locking the tables.
  `DO $$ BEGIN
     IF EXISTS (SELECT 1 FROM pg_attribute WHERE attcompression <> 'l'
                AND ((attrelid = 'audit'::regclass AND attname IN ('before', 'after')) OR (attrelid = 'docs'::regclass AND attname = 'data'))) THEN
       ALTER TABLE audit ALTER COLUMN before SET COMPRESSION lz4, ALTER COLUMN after SET COMPRESSION lz4;
       ALTER TABLE docs ALTER COLUMN data SET COMPRESSION lz4;
     END IF;
   EXCEPTION WHEN feature_not_supported THEN NULL; END $$`,
];

export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    for (const sql of statements) await tx.query(sql);
  });
}
