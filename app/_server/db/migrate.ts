import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlConnection } from "./sql";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does (same table, SHA-256 checksum of the file, names, timestamps,
 * applied_steps_count), so a machine with Prisma's engines sees the same history. The Prisma CLI's schema
 * engine needs a download and cannot run offline, hence this runner.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/** The advisory lock key Prisma Migrate itself uses, so our runner and Prisma's exclude each other too. */
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Callers sharing one session (PGlite is one session for the whole process) would both pass the session-level
 * advisory lock, which is re-entrant; so runs on the same connection are also queued in process.
 */
const queues = new WeakMap<SqlConnection, Promise<unknown>>();

/** Applies the pending migrations; returns their names. `conn` must be one session (advisory locks are per session). */
export function migrate(conn: SqlConnection, migrations = readMigrations()): Promise<string[]> {
  const run = (queues.get(conn) ?? Promise.resolve()).catch(() => {}).then(() => migrateLocked(conn, migrations));
  queues.set(conn, run);
  return run;
}

async function migrateLocked(conn: SqlConnection, migrations: Migration[]): Promise<string[]> {
  await conn.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await conn.exec(CREATE_TABLE);
    const rows = await conn.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const failed = rows.find((r) => r.finished_at === null);
    if (failed)
      throw new MigrationError(
        `迁移 ${failed.migration_name} 上次执行失败，数据库处于未知状态。请人工检查并修复后，将 _prisma_migrations 中该行标记为已回滚（rolled_back_at）再重试。`,
      );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row && row.checksum !== m.checksum)
        throw new MigrationError(
          `已执行的迁移 ${m.name} 的文件被修改过（校验和不一致）。已执行的迁移不可修改：请恢复原文件，把改动写进一个新的迁移。`,
        );
    }
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const m of pending) await applyOne(conn, m);
    return pending.map((m) => m.name);
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(conn: SqlConnection, m: Migration) {
  const id = randomUUID();
  await conn.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, m.checksum, m.name],
  );
  try {
    await conn.exec("BEGIN");
    await conn.exec(m.sql);
    await conn.exec("COMMIT");
  } catch (e) {
    await conn.exec("ROLLBACK").catch(() => {});
    const message = e instanceof Error ? e.message : String(e);
    // The script ran inside a transaction and was rolled back whole, so the row is marked rolled back and
    // the next start retries it once the file is fixed.
    await conn.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, message]);
    throw new MigrationError(`迁移 ${m.name} 执行失败，已整体回滚：${message}`);
  }
  await conn.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
