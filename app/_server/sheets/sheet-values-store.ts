import type { SheetValueRow } from "@/app/_domain/sheets/types";
import { cellKey, type PreviousValueMap } from "@/app/_domain/sheets/validate-sheet";
import type { Scheme } from "@/app/_domain/catalogue";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * Bulk storage of sheet values. Prisma's createMany costs about 0.5 ms a row; one INSERT … SELECT FROM unnest()
 * with four array parameters stores 100,000 values in a couple of seconds on PGlite and PostgreSQL alike.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export async function insertSheetValues(tx: Db, versionId: string, rows: readonly SheetValueRow[], institutionIdOf: Map<string, string>) {
  if (!rows.length) return;
  const codes: string[] = [];
  const schemes: string[] = [];
  const institutions: (string | null)[] = [];
  const values: (string | null)[] = [];
  for (const r of rows) {
    codes.push(r.indicatorCode);
    schemes.push(r.scheme);
    institutions.push(r.institutionCode === null ? null : institutionIdOf.get(r.institutionCode)!);
    values.push(r.value);
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO "SheetValue" ("versionId", "indicatorCode", "scheme", "institutionId", "value")
     SELECT $1, c, s::"Scheme", i, v::numeric FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(c, s, i, v)`,
    versionId,
    codes,
    schemes,
    institutions,
    values,
  );
}

/**
 * PostgreSQL's text of a numeric ("1200.000000", "-0.500000") in canonical form ("1200", "-0.5"), by string
 * operations: reading 100,000 values through a decimal library costs more than the query.
 */
export function canonicalNumericText(text: string): string {
  const t = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return t === "-0" ? "0" : t;
}

export interface StoredValue {
  indicatorCode: string;
  scheme: Scheme;
  institutionId: string | null;
  value: string | null;
}

export async function readSheetValues(client: Db, versionId: string): Promise<StoredValue[]> {
  const rows = await client.$queryRawUnsafe<{ indicatorCode: string; scheme: Scheme; institutionId: string | null; value: string | null }[]>(
    `SELECT "indicatorCode", "scheme"::text AS "scheme", "institutionId", "value"::text AS "value"
       FROM "SheetValue" WHERE "versionId" = $1 ORDER BY "id"`,
    versionId,
  );
  return rows.map((r) => ({ ...r, value: r.value === null ? null : canonicalNumericText(r.value) }));
}

/** The accepted values of a region's sheet for a period, keyed as the validator expects; undefined if none. */
export async function acceptedValueMap(client: Db, regionId: string, period: string, institutionCodeOf: Map<string, string>): Promise<PreviousValueMap | undefined> {
  const version = await client.sheetVersion.findFirst({ where: { status: "ACCEPTED", sheet: { regionId, period } }, select: { id: true } });
  if (!version) return undefined;
  const map: PreviousValueMap = new Map();
  for (const v of await readSheetValues(client, version.id))
    map.set(cellKey(v.indicatorCode, v.scheme, v.institutionId ? (institutionCodeOf.get(v.institutionId) ?? v.institutionId) : null), v.value);
  return map;
}
