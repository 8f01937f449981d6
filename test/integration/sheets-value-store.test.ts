import { beforeAll, describe, expect, it } from "vitest";
import type { SheetValueRow } from "@/app/_domain/sheets/types";
import { insertSheetValues, readSheetColumns, readSheetValues, SplitColumns } from "@/app/_server/sheets/sheet-values-store";
import { createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/** The storage of a version's values as four tab-separated texts (migration 20261123080000). */
describe("sheet value storage", () => {
  const prisma = useTestDatabase();
  let w: World;
  let idOf: Map<string, string>;
  let n = 0;
  /** A fresh version (each version stores its values once). */
  async function version(): Promise<string> {
    n++;
    const sheet = await prisma().sheet.create({ data: { regionId: w.regionA.id, period: `2025-${String(n).padStart(2, "0")}` } });
    const [{ id }] = await prisma().$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "SheetVersion" ("id", "sheetId", "version", "status", "source", "catalogueVersionId", "fileName", "fileSha256", "fileBytes", "report", "valueCount", "uploadedById")
       VALUES (gen_random_uuid()::text, $1, 1, 'REJECTED', 'CSV', 'c', 'a.csv', 'x', '\\x00', '{}', 0, 'u') RETURNING "id"`,
      sheet.id,
    );
    return id;
  }
  const raw = (id: string) =>
    prisma().$queryRawUnsafe<{ c: string; s: string; i: string; v: string }[]>(
      `SELECT "indicatorCodes" AS c, "schemes" AS s, "institutionIds" AS i, "values" AS v FROM "SheetValueSet" WHERE "versionId" = $1`,
      id,
    );

  beforeAll(async () => {
    w = await createWorld(prisma());
    idOf = new Map([
      [w.hospitalA1.code, w.hospitalA1.id],
      [w.hospitalA2.code, w.hospitalA2.id],
    ]);
    await prisma().$executeRawUnsafe(`INSERT INTO "CatalogueVersion" ("id", "code", "name") VALUES ('c', 'X-1', '目录')`);
    await prisma().$executeRawUnsafe(
      `INSERT INTO "User" ("id", "username", "displayName", "passwordHash", "roles", "updatedAt") VALUES ('u', 'u1', '用户', 'x', '{DATA_ENTRY}', now())`,
    );
  });

  it("months listing the same cells share their key columns when read with one SplitColumns, with the same values", async () => {
    const codeOf = new Map([...idOf].map(([code, iid]) => [iid, code]));
    const cells = (values: (string | null)[], order = [0, 1, 2]): SheetValueRow[] =>
      order.map((k) => ({
        indicatorCode: ["FI03", "IN02", "IN02"][k]!,
        scheme: "TOTAL" as const,
        institutionCode: [null, w.hospitalA1.code, w.hospitalA2.code][k]!,
        value: values[k]!,
      }));
    const ids = [await version(), await version(), await version()];
    await insertSheetValues(prisma(), ids[0]!, cells(["1", "2", "3"]), idOf);
    await insertSheetValues(prisma(), ids[1]!, cells(["4", null, "6.5"]), idOf);
    await insertSheetValues(prisma(), ids[2]!, cells(["7", "8", "9"], [0, 2, 1]), idOf); // another order
    // Each version's key columns' SHA-256, equal where the cells listed are (migration 20261207020000's formula).
    const stored = await prisma().$queryRawUnsafe<{ h: string; sql: string }[]>(
      `SELECT "keysSha256" AS h, encode(sha256(convert_to("indicatorCodes" || E'\\n' || "schemes" || E'\\n' || "institutionIds", 'UTF8')), 'hex') AS sql
         FROM "SheetValueSet" WHERE "versionId" = ANY($1::text[]) ORDER BY array_position($1::text[], "versionId")`,
      ids,
    );
    expect(stored.map((r) => r.h)).toEqual(stored.map((r) => r.sql));
    expect(stored[1]!.h).toBe(stored[0]!.h);
    expect(stored[2]!.h).not.toBe(stored[0]!.h);
    const split = new SplitColumns();
    const read = [];
    for (const id of ids) read.push(await readSheetColumns(prisma(), id, codeOf, { split }));
    for (const [k, id] of ids.entries()) expect(read[k]).toEqual(await readSheetColumns(prisma(), id, codeOf));
    expect(read[1]!.indicatorCodes).toBe(read[0]!.indicatorCodes);
    expect(read[1]!.institutionCodes).toBe(read[0]!.institutionCodes);
    expect(read[1]!.values).toEqual(["4", null, "6.5"]);
    expect(read[2]!.institutionCodes).not.toBe(read[1]!.institutionCodes);
    expect(read[2]!.institutionCodes).toEqual([null, w.hospitalA2.code, w.hospitalA1.code]);
    // A month read for the region's values alone: picked from its values text when its key columns were read before,
    // by PostgreSQL otherwise; the same elements either way, and the shared columns stay as they were.
    const region = await readSheetColumns(prisma(), ids[0]!, codeOf, { split, regionOnly: true });
    expect(region).toEqual({ indicatorCodes: ["FI03"], schemes: ["TOTAL"], institutionCodes: [null], values: ["1"] });
    const fresh = new SplitColumns();
    await readSheetColumns(prisma(), ids[0]!, codeOf, { split: fresh });
    for (const id of ids)
      expect(await readSheetColumns(prisma(), id, codeOf, { split: fresh, regionOnly: true })).toEqual(
        await readSheetColumns(prisma(), id, codeOf, { regionOnly: true }),
      );
    expect((await readSheetColumns(prisma(), ids[1]!, codeOf, { split: fresh, regionOnly: true })).values).toEqual(["4"]);
    expect([...fresh.keys.keys()]).toEqual([stored[0]!.h]);
    expect((await readSheetColumns(prisma(), ids[2]!, codeOf, { split })).institutionCodes).toBe(read[2]!.institutionCodes);
    expect((await readSheetColumns(prisma(), ids[1]!, codeOf, { split })).institutionCodes).toBe(read[0]!.institutionCodes);
  });

  it("stores the texts as given, values rounded by the database to numeric(24,6), and reads them back canonical", async () => {
    const id = await version();
    const rows: SheetValueRow[] = [
      { indicatorCode: "FI03", scheme: "EMPLOYEE", institutionCode: null, value: "12.5" },
      { indicatorCode: "IN02", scheme: "TOTAL", institutionCode: w.hospitalA2.code, value: null },
      { indicatorCode: "IN02", scheme: "TOTAL", institutionCode: w.hospitalA1.code, value: "7.00000049" },
      { indicatorCode: "FI04", scheme: "RESIDENT", institutionCode: null, value: "-0.0000001" },
    ];
    await insertSheetValues(prisma(), id, rows, idOf);
    expect(await raw(id)).toEqual([
      {
        c: "FI03\tIN02\tIN02\tFI04",
        s: "EMPLOYEE\tTOTAL\tTOTAL\tRESIDENT",
        i: `\t${w.hospitalA2.id}\t${w.hospitalA1.id}\t`,
        v: "12.500000\t\t7.000000\t0.000000",
      },
    ]);
    const codeOf = new Map([...idOf].map(([code, iid]) => [iid, code]));
    expect(await readSheetColumns(prisma(), id, codeOf)).toEqual({
      indicatorCodes: ["FI03", "IN02", "IN02", "FI04"],
      schemes: ["EMPLOYEE", "TOTAL", "TOTAL", "RESIDENT"],
      institutionCodes: [null, w.hospitalA2.code, w.hospitalA1.code, null],
      values: ["12.5", null, "7", "0"],
    });
    expect(await readSheetValues(prisma(), id, { regionOnly: true })).toEqual([
      { indicatorCode: "FI03", scheme: "EMPLOYEE", institutionId: null, value: "12.5" },
      { indicatorCode: "FI04", scheme: "RESIDENT", institutionId: null, value: "0" },
    ]);
    const view = await prisma().$queryRawUnsafe<unknown[]>(
      `SELECT "position"::int, "indicatorCode", "scheme"::text, "institutionId", "value"::text FROM "SheetValue" WHERE "versionId" = $1 ORDER BY "position"`,
      id,
    );
    expect(view).toEqual([
      { position: 1, indicatorCode: "FI03", scheme: "EMPLOYEE", institutionId: null, value: "12.500000" },
      { position: 2, indicatorCode: "IN02", scheme: "TOTAL", institutionId: w.hospitalA2.id, value: null },
      { position: 3, indicatorCode: "IN02", scheme: "TOTAL", institutionId: w.hospitalA1.id, value: "7.000000" },
      { position: 4, indicatorCode: "FI04", scheme: "RESIDENT", institutionId: null, value: "0.000000" },
    ]);
  });

  it("stores a version without values, and one whose only value is the region's missing one", async () => {
    const empty = await version();
    await insertSheetValues(prisma(), empty, [], idOf);
    expect(await raw(empty)).toEqual([{ c: "", s: "", i: "", v: "" }]);
    expect(await readSheetValues(prisma(), empty)).toEqual([]);
    expect(await readSheetValues(prisma(), empty, { regionOnly: true })).toEqual([]);

    const one = await version();
    await insertSheetValues(prisma(), one, [{ indicatorCode: "FI03", scheme: "TOTAL", institutionCode: null, value: null }], idOf);
    expect(await raw(one)).toEqual([{ c: "FI03", s: "TOTAL", i: "", v: "" }]);
    const expected = [{ indicatorCode: "FI03", scheme: "TOTAL", institutionId: null, value: null }];
    expect(await readSheetValues(prisma(), one)).toEqual(expected);
    expect(await readSheetValues(prisma(), one, { regionOnly: true })).toEqual(expected);
    const view = await prisma().$queryRawUnsafe<unknown[]>(
      `SELECT "versionId", "institutionId", "value" FROM "SheetValue" WHERE "versionId" IN ($1, $2)`,
      empty,
      one,
    );
    expect(view).toEqual([{ versionId: one, institutionId: null, value: null }]);
  });

  it("lets the database refuse a bad scheme or number, and refuses separators inside a field", async () => {
    const id = await version();
    const row = (over: Partial<SheetValueRow>): SheetValueRow[] => [
      { indicatorCode: "FI03", scheme: "TOTAL", institutionCode: null, value: "1", ...over },
    ];
    await expect(insertSheetValues(prisma(), id, row({ scheme: "OTHER" as never }), idOf)).rejects.toThrow(/Scheme/);
    await expect(insertSheetValues(prisma(), id, row({ value: "12,3O4" }), idOf)).rejects.toThrow(/numeric/);
    await expect(insertSheetValues(prisma(), id, row({ value: "1e30" }), idOf)).rejects.toThrow(/overflow/);
    await expect(insertSheetValues(prisma(), id, row({ value: "1\t2" }), idOf)).rejects.toThrow(/制表符/);
    await expect(insertSheetValues(prisma(), id, row({ institutionCode: "H99" }), idOf)).rejects.toThrow(/不在本统筹区/);
    expect(await raw(id)).toEqual([]);
  });
});
