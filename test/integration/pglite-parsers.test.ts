import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { wrapPglite, type OpenDatabase } from "@/app/_server/db/open";
import { Prisma } from "@/app/_server/generated/prisma/client";

/**
 * app/_server/db/open.ts gives PGlite the Prisma adapter's type parsers once, instead of with every query (which
 * made PGlite copy its whole parser table each time). What each side reads must not change: Prisma the adapter's
 * values, in a transaction as outside one; the portal's own queries (migrations, backups) PGlite's defaults.
 */
describe("PGlite's type parsers", () => {
  const query = vi.spyOn(PGlite.prototype, "query");
  let db: OpenDatabase;
  beforeAll(async () => {
    db = wrapPglite(await PGlite.create("memory://"));
  });
  afterAll(async () => {
    query.mockRestore();
    await db?.close();
  });

  const SQL = `SELECT '2026-12-07 05:06:07.123'::timestamp AS t, 1.50::numeric AS n, '{"a":1}'::jsonb AS j,
                      9007199254740993::int8 AS b, '\\x0102'::bytea AS y, '1.25'::money AS m`;
  const own = () => db.withConnection((c) => c.query<Record<string, unknown>>(SQL));

  it("leave the portal's own queries as PGlite reads them, before and after Prisma's first query", async () => {
    const before = await own();
    await db.prisma.$queryRawUnsafe(SQL);
    const after = await own();
    expect(after).toEqual(before);
    expect(after[0]).toMatchObject({ t: new Date("2026-12-07T05:06:07.123Z"), n: "1.50", j: { a: 1 }, m: "$1.25" });
  });

  it("read Prisma's values as the adapter parses them, outside a transaction and inside one", async () => {
    const read = (client: Pick<Prisma.TransactionClient, "$queryRawUnsafe">) => client.$queryRawUnsafe<Record<string, unknown>[]>(SQL);
    for (const rows of [await read(db.prisma), await db.prisma.$transaction((tx) => read(tx))]) {
      const [r] = rows;
      expect(r!.t).toEqual(new Date("2026-12-07T05:06:07.123Z"));
      expect(r!.n).toEqual(new Prisma.Decimal("1.5"));
      expect(r!.j).toEqual({ a: 1 });
      expect(r!.b).toBe(9007199254740993n);
      expect([...(r!.y as Uint8Array)]).toEqual([1, 2]);
    }
  });

  it("are not handed to PGlite with each of Prisma's queries", async () => {
    query.mockClear();
    await db.prisma.$queryRawUnsafe(`SELECT 1 AS one`);
    expect(query).toHaveBeenCalled();
    for (const [, , options] of query.mock.calls) expect(options?.parsers).toBeUndefined();
  });
});
