import type { Scheme } from "@/app/_domain/catalogue";
import {
  METRIC_FIELDS,
  type MetricField,
  type MetricSetTexts,
  type MetricValues,
  type RegionMetricTexts,
} from "@/app/_domain/metrics/compute-metrics";
import type { Period } from "@/app/_domain/periods";
import { withLargeText } from "../db/large-text";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * Storage of computed metrics (see the schema): per region-month one MetricMonth row listing its institutions,
 * and one MetricSet row per indicator × scheme whose text fields (METRIC_FIELDS) hold the values as canonical decimals
 * joined by commas, an empty element for null (one element for a region-level indicator, one per listed
 * institution otherwise). Written as one text parameter — a line per set, tab-separated fields — and split by
 * PostgreSQL: every field is a period, a catalogue code, a scheme, an institution id or a decimal, none of which
 * holds a tab, a line break or a comma.
 */
type Db = PrismaClient | Prisma.TransactionClient;

/** Stores computed sets (computeRegionSets); their months must have no stored metrics (deleteMetricValues). */
export async function insertMetricValues(db: Db, regionId: string, computed: RegionMetricTexts, idOf: Map<string, string>): Promise<void> {
  if (!computed.sets.length) return;
  const ids = computed.institutionCodes.map((c) => idOf.get(c) ?? fail(`机构 ${c} 不在本统筹区`)).join(",");
  const periods = [...new Set(computed.sets.map((set) => set.period))];
  await db.$executeRawUnsafe(
    `INSERT INTO "MetricMonth" ("regionId", "period", "institutionIds") SELECT $1, p, string_to_array($3, ',') FROM unnest($2::text[]) AS p`,
    regionId,
    periods,
    ids,
  );
  // In statements of about STATEMENT_TEXT characters: one parameter of a year's tens of megabytes cost PGlite's
  // protocol encoder (and pg's buffers) several times more per byte than a few megabytes at a time. Each
  // statement's text is encoded once from its sets' fields (a year is ~75 MB: every pass over it counts).
  const fieldsOf = (set: MetricSetTexts) => [
    set.period,
    set.indicatorCode,
    set.scheme,
    set.perInstitution ? "t" : "f",
    ...METRIC_FIELDS.map((f) => set[f]),
  ];
  const sizes = computed.sets.map((set) => fieldsOf(set).reduce((n, field) => n + field.length + 1, 0));
  for (let from = 0; from < computed.sets.length;) {
    let to = from + 1;
    let size = sizes[from]!;
    while (to < computed.sets.length && size + sizes[to]! < STATEMENT_TEXT) size += sizes[to++]!;
    // A line per set, tab-separated fields: every piece and separator in one array.
    const pieces: string[] = [];
    for (const set of computed.sets.slice(from, to)) {
      if (pieces.length) pieces.push("\n");
      fieldsOf(set).forEach((field, k) => (k === 0 ? pieces.push(field) : pieces.push("\t", field)));
    }
    // Past Prisma's JSON round trip of raw parameters, and never joined into one string (withLargeText).
    await withLargeText(pieces, (text) =>
      db.$executeRawUnsafe(
        `INSERT INTO "MetricSet" ("regionId", "period", "indicatorCode", "scheme", "perInstitution", ${COLUMNS})
         SELECT $1, f[1], f[2], f[3]::"Scheme", f[4]::boolean, ${METRIC_FIELDS.map((_, k) => `f[${k + 5}]`).join(", ")}
           FROM unnest(string_to_array($2, E'\\n')) WITH ORDINALITY AS t(line, n), string_to_array(line, E'\\t') AS f
          ORDER BY n`,
        regionId,
        text,
      ),
    );
    from = to;
  }
}

const STATEMENT_TEXT = 2_000_000;
const COLUMNS = METRIC_FIELDS.map((f) => `"${f}"`).join(", ");

/** Removes the stored metrics of some months of a region (all months when `periods` is "all"). */
export async function deleteMetricValues(db: Db, regionId: string, periods: readonly Period[] | "all"): Promise<void> {
  for (const table of ["MetricSet", "MetricMonth"]) {
    if (periods === "all") await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "regionId" = $1`, regionId);
    else await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "regionId" = $1 AND "period" = ANY($2::text[])`, regionId, [...periods]);
  }
}

export interface MetricQuery {
  /** Region-level rows, institution rows, or both (default). */
  scope?: "REGION" | "INSTITUTION" | "ALL";
  indicators?: readonly string[];
  scheme?: Scheme;
  /**
   * Institution rows that read each value from its set's stored text when it is read (a getter; a new string each
   * time) instead of holding 13 strings each: for a caller that keeps a month's 100,000 rows while it reads each
   * value a few times (publishing), so that 1.3 million value strings do not live, and get copied by every
   * scavenge, at once. Such rows are not plain objects: a spread or JSON of one lacks its values.
   */
  lazy?: boolean;
}

/**
 * The stored values of some months of a region, in stored order (period, catalogue order, institutions by
 * code). `codeOf` maps institution ids to codes; values of institutions missing from it are skipped.
 */
export async function readMetricValues(
  db: Db,
  regionId: string,
  periods: readonly Period[],
  codeOf: Map<string, string>,
  query: MetricQuery = {},
): Promise<MetricValues[]> {
  const params: unknown[] = [regionId, [...periods]];
  let where = `s."regionId" = $1 AND s."period" = ANY($2::text[])`;
  if (query.scope === "REGION") where += ` AND NOT s."perInstitution"`;
  if (query.scope === "INSTITUTION") where += ` AND s."perInstitution"`;
  if (query.indicators) {
    params.push([...query.indicators]);
    where += ` AND s."indicatorCode" = ANY($${params.length}::text[])`;
  }
  if (query.scheme) {
    params.push(query.scheme);
    where += ` AND s."scheme" = $${params.length}::"Scheme"`;
  }
  // Region sets have no institutions: their months are not joined. Institution sets take their institutions from
  // their month, matched on its whole key (on PGlite, whose tables are never analysed, a join on the region alone
  // was planned as a scan of all the region's months for every set: 3× the time of a region-only read).
  const region = query.scope === "REGION";
  const sets = await db.$queryRawUnsafe<
    ({ p: string; c: string; s: Scheme; i: string | null } & Record<(typeof METRIC_FIELDS)[number], string>)[]
  >(
    `SELECT s."period" AS p, s."indicatorCode" AS c, s."scheme"::text AS s,
            ${region ? "NULL::text" : `CASE WHEN s."perInstitution" THEN array_to_string(m."institutionIds", ',') END`} AS i,
            ${METRIC_FIELDS.map((f) => `s."${f}"`).join(", ")}
       FROM "MetricSet" s
       ${region ? "" : `JOIN "MetricMonth" m ON m."regionId" = s."regionId" AND m."period" = s."period" AND m."period" = ANY($2::text[])`}
      WHERE ${where} ORDER BY s."id"`,
    ...params,
  );
  const out: MetricValues[] = [];
  const num = (t: string | undefined) => (t ? t : null);
  for (const set of sets) {
    const ids = set.i === null ? [null] : set.i ? set.i.split(",") : [];
    if (query.lazy && set.i !== null) {
      const columns = new StoredColumns(set, ids.length);
      for (let k = 0; k < ids.length; k++) {
        const institutionCode = codeOf.get(ids[k]!);
        if (institutionCode !== undefined) out.push(new StoredRow(set.p, set.c, set.s, institutionCode, columns, k));
      }
      continue;
    }
    const [ytd, month, prevYearYtd, yoy, mom, yoyDiff, momDiff] = [
      set.ytd,
      set.month,
      set.prevYearYtd,
      set.yoy,
      set.mom,
      set.yoyDiff,
      set.momDiff,
    ].map((t) => t.split(","));
    const [quarter, prevYearQuarter, quarterYoy, qoq, quarterYoyDiff, qoqDiff] = [
      set.quarter,
      set.prevYearQuarter,
      set.quarterYoy,
      set.qoq,
      set.quarterYoyDiff,
      set.qoqDiff,
    ].map((t) => t.split(","));
    for (let k = 0; k < ids.length; k++) {
      const institutionCode = ids[k] === null ? null : codeOf.get(ids[k]!);
      if (institutionCode === undefined) continue;
      // One literal with every field: hundreds of thousands of rows, each in one allocation.
      out.push({
        period: set.p,
        indicatorCode: set.c,
        scheme: set.s,
        institutionCode,
        ytd: num(ytd![k]),
        month: num(month![k]),
        prevYearYtd: num(prevYearYtd![k]),
        yoy: num(yoy![k]),
        mom: num(mom![k]),
        yoyDiff: num(yoyDiff![k]),
        momDiff: num(momDiff![k]),
        quarter: num(quarter![k]),
        prevYearQuarter: num(prevYearQuarter![k]),
        quarterYoy: num(quarterYoy![k]),
        qoq: num(qoq![k]),
        quarterYoyDiff: num(quarterYoyDiff![k]),
        qoqDiff: num(qoqDiff![k]),
      });
    }
  }
  return out;
}

/** The value texts of a stored set (METRIC_FIELDS: one element per listed institution, empty for null) and where each element starts. */
class StoredColumns {
  private readonly texts: string[];
  private readonly starts: Int32Array[];
  constructor(set: Record<MetricField, string>, count: number) {
    this.texts = METRIC_FIELDS.map((f) => set[f]);
    this.starts = this.texts.map((text) => {
      // starts[k] is where element k begins, starts[k + 1] − 1 where it ends (at its comma); elements the text lacks
      // begin past its end and read as null, elements beyond `count` are never read (as split(",") would have it).
      const starts = new Int32Array(count + 1);
      let at = 0;
      for (let k = 1; k <= count; k++) {
        const comma = at > text.length ? -1 : text.indexOf(",", at);
        at = comma === -1 ? text.length + 1 : comma + 1;
        starts[k] = at;
      }
      return starts;
    });
  }
  /** Element k of field f (METRIC_FIELDS order); null when empty. */
  value(f: number, k: number): string | null {
    const starts = this.starts[f]!;
    const from = starts[k]!;
    const to = starts[k + 1]! - 1;
    return from >= to ? null : this.texts[f]!.slice(from, to);
  }
}

/**
 * An institution's row of a stored set, reading its values from the set's texts (MetricQuery.lazy): one getter per
 * field of METRIC_FIELDS, defined below from that list, so that each reads its own column.
 */
class StoredRow {
  constructor(
    readonly period: Period,
    readonly indicatorCode: string,
    readonly scheme: Scheme,
    readonly institutionCode: string,
    readonly columns: StoredColumns,
    readonly k: number,
  ) {}
}
interface StoredRow extends Pick<MetricValues, MetricField> {}
METRIC_FIELDS.forEach((field, f) =>
  Object.defineProperty(StoredRow.prototype, field, {
    get(this: StoredRow) {
      return this.columns.value(f, this.k);
    },
  }),
);

function fail(message: string): never {
  throw new Error(message);
}
