import type { Scheme } from "@/app/_domain/catalogue";
import type { MetricValues } from "@/app/_domain/metrics/compute-metrics";
import type { Period } from "@/app/_domain/periods";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { canonicalNumericText } from "../sheets/sheet-values-store";

/**
 * Storage of computed metrics (see the schema): per region-month one MetricMonth row listing its institutions,
 * and one MetricSet row per indicator × scheme whose arrays hold the values as canonical decimal text (one
 * element for a region-level indicator, one per listed institution otherwise). Written as one text parameter —
 * a line per set, tab-separated fields, comma-separated elements, N for null — and split by PostgreSQL: every
 * field is a period, a catalogue code, a scheme, an institution id or a decimal, none of which holds those
 * characters.
 */
type Db = PrismaClient | Prisma.TransactionClient;

const NUMBER_FIELDS = ["ytd", "month", "prevYearYtd", "yoy", "mom"] as const;

export async function insertMetricValues(db: Db, regionId: string, rows: readonly MetricValues[], idOf: Map<string, string>): Promise<void> {
  const lines: string[] = [];
  /** period → the institution codes of that month's institution sets, in order (all sets must agree). */
  const months = new Map<Period, string[] | null>();
  // The engine emits each set's rows together (period, then indicator × scheme, then institutions).
  for (let start = 0; start < rows.length; ) {
    const first = rows[start]!;
    let end = start + 1;
    while (end < rows.length && rows[end]!.period === first.period && rows[end]!.indicatorCode === first.indicatorCode && rows[end]!.scheme === first.scheme) end++;
    const set = rows.slice(start, end);
    const perInstitution = first.institutionCode !== null;
    if (perInstitution) {
      const codes = set.map((r) => r.institutionCode!);
      const known = months.get(first.period);
      if (!known) months.set(first.period, codes);
      else if (known.length !== codes.length || known.some((c, k) => c !== codes[k])) throw new Error(`${first.period} ${first.indicatorCode} 的机构顺序与同月其他指标不一致`);
    } else if (!months.has(first.period)) months.set(first.period, null);
    const columns = NUMBER_FIELDS.map((f) => set.map((r) => r[f] ?? "N").join(","));
    lines.push([first.period, first.indicatorCode, first.scheme, perInstitution ? "t" : "f", ...columns].join("\t"));
    start = end;
  }
  if (!lines.length) return;
  const monthLines = [...months].map(([period, codes]) => `${period}\t${(codes ?? []).map((c) => idOf.get(c) ?? fail(`机构 ${c} 不在本统筹区`)).join(",")}`);
  await db.$executeRawUnsafe(
    `INSERT INTO "MetricMonth" ("regionId", "period", "institutionIds")
     SELECT $1, f[1], string_to_array(f[2], ',') FROM unnest(string_to_array($2, E'\\n')) AS line, string_to_array(line, E'\\t') AS f`,
    regionId,
    monthLines.join("\n"),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "MetricSet" ("regionId", "period", "indicatorCode", "scheme", "perInstitution", "ytd", "month", "prevYearYtd", "yoy", "mom")
     SELECT $1, f[1], f[2], f[3]::"Scheme", f[4]::boolean, string_to_array(f[5], ',', 'N'), string_to_array(f[6], ',', 'N'),
            string_to_array(f[7], ',', 'N'), string_to_array(f[8], ',', 'N'), string_to_array(f[9], ',', 'N')
       FROM unnest(string_to_array($2, E'\\n')) WITH ORDINALITY AS t(line, n), string_to_array(line, E'\\t') AS f
      ORDER BY n`,
    regionId,
    lines.join("\n"),
  );
}

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
}

/**
 * The stored values of some months of a region, in stored order (period, catalogue order, institutions by
 * code). `codeOf` maps institution ids to codes; values of institutions missing from it are skipped.
 */
export async function readMetricValues(db: Db, regionId: string, periods: readonly Period[], codeOf: Map<string, string>, query: MetricQuery = {}): Promise<MetricValues[]> {
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
  const sets = await db.$queryRawUnsafe<{ p: string; c: string; s: Scheme; i: string | null; f: string }[]>(
    `SELECT s."period" AS p, s."indicatorCode" AS c, s."scheme"::text AS s,
            CASE WHEN s."perInstitution" THEN array_to_string(m."institutionIds", ',') END AS i,
            concat_ws(E'\\t', array_to_string(s."ytd", ',', 'N'), array_to_string(s."month", ',', 'N'), array_to_string(s."prevYearYtd", ',', 'N'),
                      array_to_string(s."yoy", ',', 'N'), array_to_string(s."mom", ',', 'N')) AS f
       FROM "MetricSet" s JOIN "MetricMonth" m ON m."regionId" = s."regionId" AND m."period" = s."period"
      WHERE ${where} ORDER BY s."id"`,
    ...params,
  );
  const out: MetricValues[] = [];
  const num = (t: string | undefined) => (t === undefined || t === "N" ? null : canonicalNumericText(t));
  for (const set of sets) {
    const [ytd, month, prevYearYtd, yoy, mom] = set.f.split("\t").map((c) => c.split(","));
    const ids = set.i === null ? [null] : set.i.split(",");
    for (let k = 0; k < ids.length; k++) {
      const institutionCode = ids[k] === null ? null : codeOf.get(ids[k]!);
      if (institutionCode === undefined) continue;
      out.push({ period: set.p, indicatorCode: set.c, scheme: set.s, institutionCode, ytd: num(ytd![k]), month: num(month![k]), prevYearYtd: num(prevYearYtd![k]), yoy: num(yoy![k]), mom: num(mom![k]) });
    }
  }
  return out;
}

function fail(message: string): never {
  throw new Error(message);
}
