import type { SheetValueRow } from "@/app/_domain/sheets/types";
import { cellKey, type PreviousValueMap } from "@/app/_domain/sheets/validate-sheet";
import type { Scheme } from "@/app/_domain/catalogue";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * Storage of a version's values: one SheetValueSet row of four parallel arrays (see the schema). Each array is
 * passed as one tab-separated text and split by PostgreSQL — far cheaper than per-element array parameters
 * through PGlite's protocol. Every field is a catalogue code, a scheme, an institution id or a number, so a
 * tab or line break in one is a bug upstream and is refused.
 */
type Db = PrismaClient | Prisma.TransactionClient;
const SEPARATOR = /[\t\n\r]/;

export async function insertSheetValues(tx: Db, versionId: string, rows: readonly SheetValueRow[], institutionIdOf: Map<string, string>) {
  const codes = new Array<string>(rows.length);
  const schemes = new Array<string>(rows.length);
  const institutions = new Array<string>(rows.length);
  const values = new Array<string>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const institutionId = r.institutionCode === null ? "" : institutionIdOf.get(r.institutionCode);
    if (institutionId === undefined) throw new Error(`机构 ${r.institutionCode} 不在本统筹区`);
    if (SEPARATOR.test(r.indicatorCode) || (r.value !== null && SEPARATOR.test(r.value))) throw new Error(`指标 ${r.indicatorCode} 的值含有制表符或换行`);
    codes[k] = r.indicatorCode;
    schemes[k] = r.scheme;
    institutions[k] = institutionId;
    values[k] = r.value ?? "";
  }
  // string_to_array('', …) is an empty array, so an empty version is four empty arrays; '' elements are NULL.
  await tx.$executeRawUnsafe(
    `INSERT INTO "SheetValueSet" ("versionId", "indicatorCodes", "schemes", "institutionIds", "values")
     VALUES ($1, string_to_array($2, E'\\t'), string_to_array($3, E'\\t')::"Scheme"[], string_to_array($4, E'\\t', ''),
             string_to_array($5, E'\\t', '')::numeric(24,6)[])`,
    versionId,
    codes.join("\t"),
    schemes.join("\t"),
    institutions.join("\t"),
    values.join("\t"),
  );
}

/**
 * PostgreSQL's text of a numeric ("1200.000000", "-0.500000") in canonical form ("1200", "-0.5"), by string
 * operations: reading 100,000 values through a decimal library costs more than the query.
 */
export function canonicalNumericText(text: string): string {
  let end = text.length;
  if (text.includes(".")) {
    while (text.charCodeAt(end - 1) === 48) end--; // trailing "0"
    if (text.charCodeAt(end - 1) === 46) end--; // "."
  }
  const t = end === text.length ? text : text.slice(0, end);
  return t === "-0" ? "0" : t;
}

export interface StoredValue {
  indicatorCode: string;
  scheme: Scheme;
  institutionId: string | null;
  value: string | null;
}

/** A version's values as four parallel columns (values canonical, "" for a region-level institution id). */
interface StoredColumns {
  codes: string[];
  schemes: Scheme[];
  institutionIds: string[];
  values: (string | null)[];
}

/**
 * A version's values in stored order, read back as tab-separated texts. `regionOnly`: the region's own values
 * alone (filtered by the database: a tenth of the work for a large region).
 */
async function readColumns(client: Db, versionId: string, regionOnly: boolean): Promise<StoredColumns> {
  const [row] = regionOnly
    ? await client.$queryRawUnsafe<{ c: string; s: string; i: string; v: string }[]>(
        `SELECT COALESCE(string_agg("indicatorCode", E'\\t' ORDER BY "position"), '') AS c, string_agg("scheme"::text, E'\\t' ORDER BY "position") AS s,
                string_agg('', E'\\t' ORDER BY "position") AS i, string_agg(COALESCE("value"::text, ''), E'\\t' ORDER BY "position") AS v
           FROM "SheetValue" WHERE "versionId" = $1 AND "institutionId" IS NULL`,
        versionId,
      )
    : await client.$queryRawUnsafe<{ c: string; s: string; i: string; v: string }[]>(
        `SELECT array_to_string("indicatorCodes", E'\\t') AS c, array_to_string("schemes", E'\\t') AS s,
                array_to_string("institutionIds", E'\\t', '') AS i, array_to_string("values", E'\\t', '') AS v
           FROM "SheetValueSet" WHERE "versionId" = $1`,
        versionId,
      );
  if (!row || row.c === "") return { codes: [], schemes: [], institutionIds: [], values: [] };
  // Codes and schemes are few distinct strings: share one copy of each (a large region's months hold millions).
  const shared = new Map<string, string>();
  const intern = (x: string) => shared.get(x) ?? (shared.set(x, x), x);
  const values = row.v.split("\t");
  for (let k = 0; k < values.length; k++) values[k] = values[k] ? canonicalNumericText(values[k]!) : (null as unknown as string);
  return { codes: row.c.split("\t").map(intern), schemes: row.s.split("\t").map(intern) as Scheme[], institutionIds: row.i.split("\t"), values };
}

/** A version's values in stored order (empty when it has none); see readColumns for `regionOnly`. */
export async function readSheetValues(client: Db, versionId: string, { regionOnly = false } = {}): Promise<StoredValue[]> {
  const { codes, schemes, institutionIds, values } = await readColumns(client, versionId, regionOnly);
  return codes.map((indicatorCode, k) => ({ indicatorCode, scheme: schemes[k]!, institutionId: institutionIds[k] || null, value: values[k]! }));
}

/**
 * The same as rows of institution codes (`codeOf`: institution id → code), as the metrics engine reads them;
 * values of institutions missing from `codeOf` keep their id.
 */
export async function readSheetRows(client: Db, versionId: string, codeOf: Map<string, string>, { regionOnly = false } = {}): Promise<SheetValueRow[]> {
  const { codes, schemes, institutionIds, values } = await readColumns(client, versionId, regionOnly);
  return codes.map((indicatorCode, k) => {
    const id = institutionIds[k]!;
    return { indicatorCode, scheme: schemes[k]!, institutionCode: id ? (codeOf.get(id) ?? id) : null, value: values[k]! };
  });
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
