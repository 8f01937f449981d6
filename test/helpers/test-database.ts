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
  const name = `liangdi_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
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
