import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/test-database";
import { readPrismaSchema } from "../helpers/prisma-schema";

/** schema.prisma and the SQL migrations must describe the same database. */
describe("schema drift", () => {
  it("the migrated database has exactly the tables, columns, types, enums, indexes and foreign keys of schema.prisma", async () => {
    const expected = readPrismaSchema();
    const db = await createTestDatabase();
    try {
      const actual = await db.withConnection(async (c) => {
        const cols = await c.query<{
          t: string;
          c: string;
          type: string;
          udt: string;
          nullable: string;
          len: number | null;
          prec: number | null;
          np: number | null;
          ns: number | null;
        }>(
          `SELECT table_name AS t, column_name AS c, data_type AS type, udt_name AS udt, is_nullable AS nullable,
                  character_maximum_length AS len, datetime_precision AS prec,
                  numeric_precision AS np, numeric_scale AS ns
             FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')`,
        );
        const columns = new Map(
          cols.map((r) => {
            let type = r.type;
            if (type === "USER-DEFINED") type = r.udt;
            else if (type === "ARRAY") type = r.udt.replace(/^_/, "") + "[]";
            else if (type === "character varying") type = `varchar(${r.len})`;
            else if (type === "timestamp without time zone") type = `timestamp(${r.prec})`;
            else if (type === "numeric") type = `numeric(${r.np},${r.ns})`;
            return [`${r.t}.${r.c}`, `${type} ${r.nullable === "YES" ? "null" : "notnull"}`];
          }),
        );
        const enumRows = await c.query<{ name: string; label: string }>(
          `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
        );
        const enums = new Map<string, string[]>();
        for (const r of enumRows) enums.set(r.name, [...(enums.get(r.name) ?? []), r.label]);
        const idx = await c.query<{ name: string }>(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
        );
        const fks = await c.query<{ name: string }>(
          `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
        );
        return { columns, enums, indexes: new Set(idx.map((r) => r.name)), foreignKeys: new Set(fks.map((r) => r.name)) };
      });
      expect(Object.fromEntries([...actual.columns].sort())).toEqual(Object.fromEntries([...expected.columns].sort()));
      expect(Object.fromEntries(actual.enums)).toEqual(Object.fromEntries(expected.enums));
      expect([...actual.indexes].sort()).toEqual([...expected.indexes].sort());
      expect([...actual.foreignKeys].sort()).toEqual([...expected.foreignKeys].sort());
    } finally {
      await db.drop();
    }
  });
});
