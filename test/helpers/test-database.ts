import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, installDatabase } from "@/app/_server/db";
import { migrate } from "@/app/_server/db/migrate";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, wrapPglite, type OpenDatabase } from "@/app/_server/db/open";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";

/**
 * Integration tests run against a fresh, migrated database: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by LIANGDI_TEST_PG_URL (CI runs the suite both ways).
 */
export const TEST_PG_URL = process.env.LIANGDI_TEST_PG_URL?.trim() || undefined;
export const TEST_DB_KIND = TEST_PG_URL ? "postgres" : "pglite";

let template: Promise<PGlite> | undefined;
function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pg = await PGlite.create("memory://");
    await wrapPglite(pg).withConnection((c) => migrate(c));
    return pg;
  })();
  return template;
}

export async function createTestDatabase({ migrated = true } = {}): Promise<OpenDatabase & { drop(): Promise<void> }> {
  if (!TEST_PG_URL) {
    if (!migrated) {
      const db = await openDatabase({ kind: "pglite", dataDir: "memory://" });
      return { ...db, drop: () => db.close() };
    }
    // Starting PGlite costs seconds; a clone of a migrated template costs about one.
    const db = wrapPglite((await (await migratedTemplate()).clone()) as PGlite);
    return { ...db, drop: () => db.close() };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  swept ??= dropStaleTestDatabases(admin);
  await swept;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = "/" + name;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  if (migrated) await db.withConnection((c) => migrate(c));
  return {
    ...db,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A test database's name carries its creation time (base 36 ms), so that leftovers can be told by their age. */
export function testDatabaseName(createdAt = Date.now()): string {
  return `liangdi_test_${createdAt.toString(36)}_${randomUUID().slice(0, 8)}`;
}

/** No test run lasts this long: a database older than this was left by a run that was killed before its afterAll. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
let swept: Promise<string[]> | undefined;

/**
 * Drops the test databases that interrupted runs left on the PostgreSQL server (a developer's server had gathered
 * 695 of them, 8 GB, which made its start-up take minutes). Once per process, before its first database. Without
 * FORCE: a database still in use is left alone. Returns the names dropped.
 */
export async function dropStaleTestDatabases(admin: pg.Client, now = Date.now()): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^liangdi_test_[0-9a-z]+_[0-9a-f]{8}$'`,
  );
  const dropped: string[] = [];
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.split("_")[2]!, 36);
    if (now - createdAt < STALE_AFTER_MS) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${datname}`);
      dropped.push(datname);
    } catch {
      // in use, or dropped by another process meanwhile
    }
  }
  return dropped;
}

/**
 * Installs a fresh database as the process database for the tests of one file and returns a getter for its
 * Prisma client. Usage: `const prisma = useTestDatabase();` at the top of a describe, then `prisma()`.
 */
export function useTestDatabase(): () => PrismaClient {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    installDatabase(db);
  });
  afterAll(async () => {
    await closeDatabase().catch(() => {});
    await db?.drop().catch(() => {});
  });
  return () => {
    if (!db) throw new Error("test database not ready");
    return db.prisma;
  };
}
