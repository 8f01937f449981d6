import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations, type Migration } from "@/app/_server/db/migrate";
import { createTestDatabase, TEST_DB_KIND } from "../helpers/test-database";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: sha(sql) });

interface Row {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

describe(`migration runner (${TEST_DB_KIND})`, () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      const files = readMigrations();
      expect(files.length).toBeGreaterThan(0);
      expect(await db.withConnection((c) => migrate(c))).toEqual(files.map((m) => m.name));
      expect(await db.withConnection((c) => migrate(c))).toEqual([]);
      const rows = await db.withConnection((c) => c.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`));
      expect(rows).toHaveLength(files.length);
      rows.forEach((r, i) => {
        expect(r.migration_name).toBe(files[i].name);
        expect(r.checksum).toBe(files[i].checksum);
        expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.applied_steps_count).toBe(1);
        expect(r.rolled_back_at).toBeNull();
      });
    } finally {
      await db.drop();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const db = await createTestDatabase();
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: sha(m.sql + "\n-- edited") } : m));
      await expect(db.withConnection((c) => migrate(c, edited))).rejects.toThrow(MigrationError);
      await expect(db.withConnection((c) => migrate(c, edited))).rejects.toThrow(/被修改过/);
    } finally {
      await db.drop();
    }
  });

  it("rolls a failing migration back whole, records it, and applies the fixed file on the next run", async () => {
    const db = await createTestDatabase();
    try {
      const broken = extra("29990101000000_broken", `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);\nSELECT * FROM "NoSuchTable";`);
      await expect(db.withConnection((c) => migrate(c, [...readMigrations(), broken]))).rejects.toThrow(/29990101000000_broken/);
      const probe = await db.withConnection((c) => c.query(`SELECT to_regclass('"Probe"') AS t`));
      expect(probe[0].t).toBeNull(); // the CREATE TABLE before the error was rolled back too
      const failed = await db.withConnection((c) =>
        c.query<Row>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`),
      );
      expect(failed[0].rolled_back_at).toBeInstanceOf(Date);
      expect(failed[0].logs).toContain("NoSuchTable");
      const fixed = extra("29990101000000_broken", `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);`);
      expect(await db.withConnection((c) => migrate(c, [...readMigrations(), fixed]))).toEqual(["29990101000000_broken"]);
    } finally {
      await db.drop();
    }
  });

  it("is safe when two instances migrate at the same moment (advisory lock)", async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      const slow = extra("29990102000000_slow", `SELECT pg_sleep(0.3); CREATE TABLE "Once" ("id" TEXT PRIMARY KEY);`);
      const all = [...readMigrations(), slow];
      const [a, b] = await Promise.all([db.withConnection((c) => migrate(c, all)), db.withConnection((c) => migrate(c, all))]);
      expect([...a, ...b].sort()).toEqual(all.map((m) => m.name).sort());
      const rows = await db.withConnection((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
      expect(rows[0].n).toBe(all.length);
    } finally {
      await db.drop();
    }
  });
});
