import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/app/_server/db/migrate";
import { keysSha256 } from "@/app/_server/sheets/sheet-values-store";
import { createTestDatabase, TEST_DB_KIND } from "../helpers/test-database";

/**
 * The move to columnar storage (20261123040000 and 080000 sheet values; 20261123050000, 060000 and 070000
 * metrics) carries every stored value over, in order, nulls included — and the views show them as before;
 * 20261207020000 hashes the key columns of the versions stored before it.
 */
describe(`columnar storage migrations carry data over (${TEST_DB_KIND})`, () => {
  it("keeps every sheet value and every metric value, in stored order", async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      const all = readMigrations();
      const before = all.filter((m) => m.name < "20261123040000");
      await db.withConnection(async (c) => {
        await migrate(c, before);
        await c.query(`INSERT INTO "Province" ("id", "code", "name") VALUES ('p', '990000', '测试省')`);
        await c.query(
          `INSERT INTO "Region" ("id", "code", "name", "level", "provinceId", "updatedAt") VALUES ('r', '990100', '测试市', 'CITY', 'p', now())`,
        );
        await c.query(
          `INSERT INTO "User" ("id", "username", "displayName", "passwordHash", "roles", "updatedAt") VALUES ('u', 'u1', '用户', 'x', '{DATA_ENTRY}', now())`,
        );
        await c.query(`INSERT INTO "CatalogueVersion" ("id", "code", "name") VALUES ('c', 'X-1', '目录')`);
        await c.query(`INSERT INTO "Sheet" ("id", "regionId", "period") VALUES ('s', 'r', '2025-01')`);
        await c.query(
          `INSERT INTO "SheetVersion" ("id", "sheetId", "version", "status", "source", "catalogueVersionId", "fileName", "fileSha256", "fileBytes", "report", "valueCount", "uploadedById")
           VALUES ('v', 's', 1, 'ACCEPTED', 'CSV', 'c', 'a.csv', 'x', '\\x00', '{}', 3, 'u')`,
        );
        await c.query(
          `INSERT INTO "SheetValue" ("versionId", "indicatorCode", "scheme", "institutionId", "value")
           VALUES ('v', 'FI03', 'EMPLOYEE', NULL, 12.5), ('v', 'IN02', 'TOTAL', 'i2', NULL), ('v', 'IN02', 'TOTAL', 'i1', 7)`,
        );
        await c.query(
          `INSERT INTO "MetricValue" ("regionId", "period", "indicatorCode", "scheme", "institutionId", "ytd", "month", "prevYearYtd", "yoy", "mom")
           VALUES ('r', '2025-01', 'FI03', 'EMPLOYEE', NULL, 12.5, 12.5, 10, 0.25, NULL),
                  ('r', '2025-01', 'IN02', 'TOTAL', 'i2', NULL, NULL, NULL, NULL, NULL),
                  ('r', '2025-01', 'IN02', 'TOTAL', 'i1', 7, 7, NULL, NULL, NULL)`,
        );
        // Between 040000 and 080000 uploads stored arrays: a version without values had four empty arrays, one
        // whose only value is the region's missing one, one-element arrays of nulls.
        await migrate(
          c,
          all.filter((m) => m.name < "20261123080000"),
        );
        await c.query(
          `INSERT INTO "SheetVersion" ("id", "sheetId", "version", "status", "source", "catalogueVersionId", "fileName", "fileSha256", "fileBytes", "report", "valueCount", "uploadedById")
           VALUES ('v2', 's', 2, 'REJECTED', 'CSV', 'c', 'a.csv', 'x', '\\x00', '{}', 0, 'u'), ('v3', 's', 3, 'REJECTED', 'CSV', 'c', 'a.csv', 'x', '\\x00', '{}', 1, 'u')`,
        );
        await c.query(
          `INSERT INTO "SheetValueSet" ("versionId", "indicatorCodes", "schemes", "institutionIds", "values")
           VALUES ('v2', '{}', '{}', '{}', '{}'), ('v3', '{FI03}', '{TOTAL}', '{NULL}', '{NULL}')`,
        );
        await migrate(c, all);
        const sheet = await c.query(
          `SELECT "versionId", "position"::int, "indicatorCode", "scheme"::text, "institutionId", "value"::text FROM "SheetValue" ORDER BY "versionId", "position"`,
        );
        expect(sheet).toEqual([
          { versionId: "v", position: 1, indicatorCode: "FI03", scheme: "EMPLOYEE", institutionId: null, value: "12.500000" },
          { versionId: "v", position: 2, indicatorCode: "IN02", scheme: "TOTAL", institutionId: "i2", value: null },
          { versionId: "v", position: 3, indicatorCode: "IN02", scheme: "TOTAL", institutionId: "i1", value: "7.000000" },
          { versionId: "v3", position: 1, indicatorCode: "FI03", scheme: "TOTAL", institutionId: null, value: null },
        ]);
        // 20261123080000: each column one text, the elements joined by tabs, an empty element for null.
        expect(
          await c.query(
            `SELECT "versionId", "indicatorCodes", "schemes", "institutionIds", "values" FROM "SheetValueSet" ORDER BY "versionId"`,
          ),
        ).toEqual([
          {
            versionId: "v",
            indicatorCodes: "FI03\tIN02\tIN02",
            schemes: "EMPLOYEE\tTOTAL\tTOTAL",
            institutionIds: "\ti2\ti1",
            values: "12.500000\t\t7.000000",
          },
          { versionId: "v2", indicatorCodes: "", schemes: "", institutionIds: "", values: "" },
          { versionId: "v3", indicatorCodes: "FI03", schemes: "TOTAL", institutionIds: "", values: "" },
        ]);
        // 20261207020000: the versions stored before it get their key columns' SHA-256, as insertSheetValues computes it.
        expect(await c.query(`SELECT "versionId", "keysSha256" FROM "SheetValueSet" ORDER BY "versionId"`)).toEqual([
          { versionId: "v", keysSha256: keysSha256("FI03\tIN02\tIN02", "EMPLOYEE\tTOTAL\tTOTAL", "\ti2\ti1") },
          { versionId: "v2", keysSha256: keysSha256("", "", "") },
          { versionId: "v3", keysSha256: keysSha256("FI03", "TOTAL", "") },
        ]);
        // The view's columns keep their types; the values stay immutable.
        expect(
          await c.query(
            `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"SheetValue"'::regclass AND attnum > 0 ORDER BY attnum`,
          ),
        ).toEqual([
          { name: "versionId", type: "text" },
          { name: "position", type: "bigint" },
          { name: "indicatorCode", type: "text" },
          { name: "scheme", type: '"Scheme"' },
          { name: "institutionId", type: "text" },
          { name: "value", type: "numeric(24,6)" },
        ]);
        await expect(c.query(`UPDATE "SheetValueSet" SET "values" = '' WHERE "versionId" = 'v'`)).rejects.toThrow(/immutable/);
        await expect(c.query(`DELETE FROM "SheetValueSet" WHERE "versionId" = 'v2'`)).rejects.toThrow(/immutable/);
        const metrics = await c.query(
          `SELECT "indicatorCode", "institutionId", "ytd"::float8 AS ytd, "prevYearYtd"::float8 AS py, "yoy"::float8 AS yoy, "mom"::float8 AS mom FROM "MetricValue" ORDER BY "id"`,
        );
        expect(metrics).toEqual([
          { indicatorCode: "FI03", institutionId: null, ytd: 12.5, py: 10, yoy: 0.25, mom: null },
          { indicatorCode: "IN02", institutionId: "i2", ytd: null, py: null, yoy: null, mom: null },
          { indicatorCode: "IN02", institutionId: "i1", ytd: 7, py: null, yoy: null, mom: null },
        ]);
        expect(await c.query(`SELECT count(*)::int AS n FROM "MetricSet"`)).toEqual([{ n: 2 }]);
        // 20261123060000: the month's institutions listed once; 070000: values as canonical decimal text joined by
        // commas, an empty element for null.
        expect(await c.query(`SELECT "institutionIds" FROM "MetricMonth"`)).toEqual([{ institutionIds: ["i2", "i1"] }]);
        expect(await c.query(`SELECT "ytd", "mom", "yoy", "perInstitution" FROM "MetricSet" ORDER BY "id"`)).toEqual([
          { ytd: "12.5", mom: "", yoy: "0.25", perInstitution: false },
          { ytd: ",7", mom: ",", yoy: ",", perInstitution: true },
        ]);
      });
    } finally {
      await db.drop();
    }
  });
});
