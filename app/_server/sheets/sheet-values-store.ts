import { createHash } from "node:crypto";
import type { SheetColumns, SheetValueRow } from "@/app/_domain/sheets/types";
import type { PreviousValueMap } from "@/app/_domain/sheets/types";
import { cellKey } from "@/app/_domain/sheets/validate-sheet";
import type { Scheme } from "@/app/_domain/catalogue";
import { withLargeTexts } from "../db/large-text";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * Storage of a version's values: one SheetValueSet row of four parallel tab-separated texts (see the schema),
 * stored and read as they are — PostgreSQL neither builds nor renders arrays of 75,000 elements. Every field is
 * a catalogue code, a scheme, an institution id or a number, so a tab or line break in one is a bug upstream
 * and is refused.
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
    if (SEPARATOR.test(r.indicatorCode) || (r.value !== null && SEPARATOR.test(r.value)))
      throw new Error(`指标 ${r.indicatorCode} 的值含有制表符或换行`);
    codes[k] = r.indicatorCode;
    schemes[k] = r.scheme;
    institutions[k] = institutionId;
    values[k] = r.value ?? "";
  }
  // The database still checks what it stores: each scheme must be a "Scheme" (the cast refuses any other), and the
  // values are parsed and rounded as numeric(24,6) — a bad number is refused — and stored as PostgreSQL's text of
  // them ("12.500000"). string_to_array('', …) is an empty array, so a version without values stores four ''.
  // The four texts (megabytes for a large region) past Prisma's JSON round trip of raw parameters (withLargeTexts).
  const keys = [codes.join("\t"), schemes.join("\t"), institutions.join("\t")] as const;
  await withLargeTexts([...keys, values.join("\t")], (texts) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "SheetValueSet" ("versionId", "indicatorCodes", "schemes", "institutionIds", "values", "keysSha256")
       VALUES ($1, $2, CASE WHEN string_to_array($3, E'\\t')::"Scheme"[] IS NOT NULL THEN $3 END, $4,
               array_to_string(string_to_array($5, E'\\t', '')::numeric(24,6)[], E'\\t', ''), $6)`,
      versionId,
      ...texts,
      keysSha256(...keys),
    ),
  );
}

/**
 * The SHA-256 (hex) of a version's three key texts joined by line breaks, as stored in "keysSha256" (migration
 * 20261207020000 computes the same in SQL for versions stored before it).
 */
export function keysSha256(codes: string, schemes: string, institutionIds: string): string {
  return createHash("sha256").update(`${codes}\n${schemes}\n${institutionIds}`).digest("hex");
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

/** A stored value element: canonical, or null when empty ("missing"). */
const storedValue = (text: string): string | null => (text ? canonicalNumericText(text) : null);

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
 * Key columns already read and split, shared by the reads of one computation (readSheetColumns' `split`): a
 * month whose key columns have the same SHA-256 as a month read before is read without them and takes that
 * month's arrays, instead of sending, splitting and keeping 75,000 more strings of each — a region's sheets list
 * the same cells in the same order every month, or every quarter's last month (quarterly indicators). A month
 * read for the region's values alone is then its values text, the region's elements picked here. The arrays are
 * shared between months: read-only.
 */
export class SplitColumns {
  /** By keysSha256: the key columns of each distinct one read (a few). */
  readonly keys = new Map<string, KeyColumns>();
  /** The institution codes of each institution ids array (readSheetColumns). */
  readonly institutionCodes = new Map<string[], (string | null)[]>();
}

interface KeyColumns {
  codes: string[];
  schemes: Scheme[];
  institutionIds: string[];
  /** The region's elements (empty institution id): their codes, schemes and positions, when first asked. */
  region?: { codes: string[]; schemes: Scheme[]; positions: number[] };
}

/**
 * A version's values in stored order: the four texts, split here. `regionOnly`: the region's own values alone
 * (those with an empty institution id), picked by PostgreSQL — or here, from the values text, when `split` holds the
 * version's key columns: a month read for the region's values alone is a few dozen elements, not 75,000 of each
 * column sent and split to be dropped.
 */
async function readColumns(client: Db, versionId: string, regionOnly: boolean, split?: SplitColumns): Promise<StoredColumns> {
  const seen = split ? [...split.keys.keys()] : [];
  if (regionOnly && seen.length) {
    // Key columns read before: the values text alone (a quarter of the whole), the region's elements picked here.
    const [known] = await client.$queryRawUnsafe<{ h: string; v: string | null }[]>(
      `SELECT "keysSha256" AS h, CASE WHEN "keysSha256" = ANY($2::text[]) THEN "values" END AS v FROM "SheetValueSet" WHERE "versionId" = $1`,
      versionId,
      seen,
    );
    if (!known) return { codes: [], schemes: [], institutionIds: [], values: [] };
    if (known.v !== null) return regionElements(versionId, split!.keys.get(known.h)!, known.v);
  }
  const [row] = await client.$queryRawUnsafe<
    { h: string; known: boolean; c: string | null; s: string | null; i: string | null; v: string }[]
  >(
    regionOnly
      ? REGION_COLUMNS
      : // The key columns only when they are not among those already read ($2).
        `SELECT "keysSha256" AS h, "values" AS v, k.known, CASE WHEN k.known THEN NULL ELSE "indicatorCodes" END AS c,
                CASE WHEN k.known THEN NULL ELSE "schemes" END AS s, CASE WHEN k.known THEN NULL ELSE "institutionIds" END AS i
           FROM "SheetValueSet", LATERAL (SELECT "keysSha256" = ANY($2::text[]) AS known) k
          WHERE "versionId" = $1`,
    versionId,
    ...(regionOnly ? [] : [seen]),
  );
  if (!row || row.c === "") return { codes: [], schemes: [], institutionIds: [], values: [] };
  // Codes and schemes are few distinct strings: share one copy of each (a large region's months hold millions).
  const shared = new Map<string, string>();
  const intern = <T extends string>(x: T): T => (shared.get(x) as T | undefined) ?? (shared.set(x, x), x);
  const internedSplit = <T extends string>(text: string): T[] => {
    const out = text.split("\t") as T[];
    for (let k = 0; k < out.length; k++) out[k] = intern(out[k]!);
    return out;
  };
  let keys = row.known ? split!.keys.get(row.h)! : undefined; // the same key columns as a month read before
  if (!keys) {
    const codes = internedSplit(row.c!);
    keys = {
      codes,
      schemes: internedSplit<Scheme>(row.s!),
      institutionIds: regionOnly ? new Array<string>(codes.length).fill("") : row.i!.split("\t"),
    };
    if (split && !regionOnly) split.keys.set(row.h, keys);
  }
  const { codes, schemes, institutionIds } = keys;
  const texts = row.v.split("\t");
  const n = codes.length;
  if (schemes.length !== n || institutionIds.length !== n || texts.length !== n) throw new Error(`版本 ${versionId} 的存储值列长度不一致`);
  const values: (string | null)[] = texts; // canonicalised in place
  for (let k = 0; k < n; k++) values[k] = storedValue(texts[k]!);
  return { codes, schemes, institutionIds, values };
}

/** The region's elements of a version whose key columns are `keys` and values text `values`. */
function regionElements(versionId: string, keys: KeyColumns, values: string): StoredColumns {
  if (!keys.region) {
    const positions: number[] = [];
    for (let k = 0; k < keys.institutionIds.length; k++) if (keys.institutionIds[k] === "") positions.push(k);
    keys.region = { codes: positions.map((k) => keys.codes[k]!), schemes: positions.map((k) => keys.schemes[k]!), positions };
  }
  const { codes, schemes, positions } = keys.region;
  const texts = values.split("\t");
  if (texts.length !== keys.codes.length) throw new Error(`版本 ${versionId} 的存储值列长度不一致`);
  return {
    codes,
    schemes,
    institutionIds: new Array<string>(codes.length).fill(""),
    values: positions.map((k) => storedValue(texts[k]!)),
  };
}

/**
 * The region's elements of a version's columns (regionOnly), in stored order, as the same tab-separated texts. Each
 * column is split once (the subquery is not flattened: OFFSET 0), prefixed by one empty element so that a column
 * of one empty element is not an empty array; the positions of the empty institution ids then pick the elements.
 */
const REGION_COLUMNS = `
  SELECT ${["c", "s", "v"]
    .map(
      (a) => `array_to_string(ARRAY(SELECT x.${a}[k] FROM unnest(x.p) WITH ORDINALITY AS u(k, o) WHERE k > 1 ORDER BY o), E'\\t') AS ${a}`,
    )
    .join(", ")}, '' AS i
    FROM (SELECT string_to_array(E'\\t' || "indicatorCodes", E'\\t') AS c, string_to_array(E'\\t' || "schemes", E'\\t') AS s,
                 string_to_array(E'\\t' || "values", E'\\t') AS v,
                 array_positions(string_to_array(E'\\t' || "institutionIds", E'\\t'), '') AS p
            FROM "SheetValueSet" WHERE "versionId" = $1 OFFSET 0) x`;

/** A version's values in stored order (empty when it has none); see readColumns for `regionOnly`. */
export async function readSheetValues(client: Db, versionId: string, { regionOnly = false } = {}): Promise<StoredValue[]> {
  const { codes, schemes, institutionIds, values } = await readColumns(client, versionId, regionOnly);
  return codes.map((indicatorCode, k) => ({
    indicatorCode,
    scheme: schemes[k]!,
    institutionId: institutionIds[k] || null,
    value: values[k]!,
  }));
}

/**
 * The same as columns of institution codes (`codeOf`: institution id → code; null for a region-level value), as
 * the metrics engine reads them: no object per value (a large region's 36 months hold millions of values).
 * Values of institutions missing from `codeOf` keep their id.
 */
export async function readSheetColumns(
  client: Db,
  versionId: string,
  codeOf: Map<string, string>,
  { regionOnly = false, split }: { regionOnly?: boolean; split?: SplitColumns } = {},
): Promise<SheetColumns> {
  const { codes, schemes, institutionIds, values } = await readColumns(client, versionId, regionOnly, split);
  const codesOf = () => institutionIds.map((id) => (id ? (codeOf.get(id) ?? id) : null));
  let institutionCodes: (string | null)[];
  if (!split || regionOnly) institutionCodes = codesOf();
  else
    institutionCodes =
      split.institutionCodes.get(institutionIds) ?? split.institutionCodes.set(institutionIds, codesOf()).get(institutionIds)!;
  return { indicatorCodes: codes, schemes, institutionCodes, values };
}

/** The accepted values of a region's sheet for a period, keyed as the validator expects; undefined if none. */
export async function acceptedValueMap(
  client: Db,
  regionId: string,
  period: string,
  institutionCodeOf: Map<string, string>,
): Promise<PreviousValueMap | undefined> {
  const version = await client.sheetVersion.findFirst({ where: { status: "ACCEPTED", sheet: { regionId, period } }, select: { id: true } });
  if (!version) return undefined;
  const map: PreviousValueMap = new Map();
  for (const v of await readSheetValues(client, version.id))
    map.set(
      cellKey(v.indicatorCode, v.scheme, v.institutionId ? (institutionCodeOf.get(v.institutionId) ?? v.institutionId) : null),
      v.value,
    );
  return map;
}
