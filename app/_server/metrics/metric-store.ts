import type { Scheme } from "@/app/_domain/catalogue";
import type { MetricValues } from "@/app/_domain/metrics/compute-metrics";
import type { Period } from "@/app/_domain/periods";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { canonicalNumericText } from "../sheets/sheet-values-store";

/**
 * Storage of computed metrics: one MetricSet row per region × month × indicator × scheme, the institutions'
 * values as parallel arrays (see the schema). Written as one text parameter — a line per set, tab-separated
 * fields, comma-separated array elements, N for null — and split by PostgreSQL: every field is a period, a
 * catalogue code, a scheme, an institution id or a decimal, none of which holds those characters.
 */
type Db = PrismaClient | Prisma.TransactionClient;

const NUMBER_FIELDS = ["ytd", "month", "prevYearYtd", "yoy", "mom"] as const;

export async function insertMetricValues(db: Db, regionId: string, rows: readonly MetricValues[], idOf: Map<string, string>): Promise<void> {
  const lines: string[] = [];
  // The engine emits each set's rows together (period, then indicator × scheme, then institutions).
  for (let start = 0; start < rows.length; ) {
    const first = rows[start]!;
    let end = start + 1;
    while (end < rows.length && rows[end]!.period === first.period && rows[end]!.indicatorCode === first.indicatorCode && rows[end]!.scheme === first.scheme) end++;
    const set = rows.slice(start, end);
    const ids = first.institutionCode === null ? "" : set.map((r) => idOf.get(r.institutionCode!) ?? fail(`机构 ${r.institutionCode} 不在本统筹区`)).join(",");
    const columns = NUMBER_FIELDS.map((f) => set.map((r) => r[f] ?? "N").join(","));
    lines.push([first.period, first.indicatorCode, first.scheme, ids, ...columns].join("\t"));
    start = end;
  }
  if (!lines.length) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "MetricSet" ("regionId", "period", "indicatorCode", "scheme", "institutionIds", "ytd", "month", "prevYearYtd", "yoy", "mom")
     SELECT $1, f[1], f[2], f[3]::"Scheme", CASE WHEN f[4] = '' THEN NULL ELSE string_to_array(f[4], ',') END,
            string_to_array(f[5], ',', 'N')::numeric[], string_to_array(f[6], ',', 'N')::numeric[], string_to_array(f[7], ',', 'N')::numeric[],
            string_to_array(f[8], ',', 'N')::numeric[], string_to_array(f[9], ',', 'N')::numeric[]
       FROM unnest(string_to_array($2, E'\\n')) WITH ORDINALITY AS t(line, n), string_to_array(line, E'\\t') AS f
      ORDER BY n`,
    regionId,
    lines.join("\n"),
  );
}

/** Removes the stored metrics of some months of a region (all months when `periods` is "all"). */
export async function deleteMetricValues(db: Db, regionId: string, periods: readonly Period[] | "all"): Promise<void> {
  if (periods === "all") await db.$executeRawUnsafe(`DELETE FROM "MetricSet" WHERE "regionId" = $1`, regionId);
  else await db.$executeRawUnsafe(`DELETE FROM "MetricSet" WHERE "regionId" = $1 AND "period" = ANY($2::text[])`, regionId, [...periods]);
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
  let where = `"regionId" = $1 AND "period" = ANY($2::text[])`;
  if (query.scope === "REGION") where += ` AND "institutionIds" IS NULL`;
  if (query.scope === "INSTITUTION") where += ` AND "institutionIds" IS NOT NULL`;
  if (query.indicators) {
    params.push([...query.indicators]);
    where += ` AND "indicatorCode" = ANY($${params.length}::text[])`;
  }
  if (query.scheme) {
    params.push(query.scheme);
    where += ` AND "scheme" = $${params.length}::"Scheme"`;
  }
  const sets = await db.$queryRawUnsafe<{ p: string; c: string; s: Scheme; i: string | null; f: string }[]>(
    `SELECT "period" AS p, "indicatorCode" AS c, "scheme"::text AS s, array_to_string("institutionIds", ',') AS i,
            concat_ws(E'\\t', array_to_string("ytd", ',', 'N'), array_to_string("month", ',', 'N'), array_to_string("prevYearYtd", ',', 'N'),
                      array_to_string("yoy", ',', 'N'), array_to_string("mom", ',', 'N')) AS f
       FROM "MetricSet" WHERE ${where} ORDER BY "id"`,
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
