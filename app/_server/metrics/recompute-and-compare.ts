import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { canonicalNumericText } from "../sheets/sheet-values-store";
import { recomputeRegion } from "./recompute-metrics";

type Db = PrismaClient | Prisma.TransactionClient;

export interface RecomputeReport {
  region: { code: string; name: string };
  periods: number;
  rows: number;
  /** Values stored before and after with the same key but a different ytd, month, prevYearYtd, yoy or mom. */
  changed: number;
  /** Keys only after (added) or only before (removed). */
  added: number;
  removed: number;
  /** Up to 10 examples of differences, for the operator. */
  examples: string[];
}

/**
 * The stored metrics of a region as key → "ytd|month|prevYearYtd|yoy|mom", each number in canonical form: values
 * stored before a change of column type may carry trailing zeros ("12.5000000000") that are the same number.
 */
async function snapshot(client: Db, regionId: string): Promise<Map<string, string>> {
  const rows = await client.$queryRawUnsafe<{ k: string; y: string | null; m: string | null; py: string | null; yo: string | null; mo: string | null }[]>(
    `SELECT m."period" || ' ' || m."indicatorCode" || ' ' || m."scheme"::text || ' ' || coalesce(i."code", '—') AS k,
            m."ytd"::text AS y, m."month"::text AS m, m."prevYearYtd"::text AS py, m."yoy"::text AS yo, m."mom"::text AS mo
       FROM "MetricValue" m LEFT JOIN "Institution" i ON i."id" = m."institutionId" WHERE m."regionId" = $1`,
    regionId,
  );
  const text = (v: string | null) => (v === null ? "—" : canonicalNumericText(v));
  return new Map(rows.map((r) => [r.k, [r.y, r.m, r.py, r.yo, r.mo].map(text).join("|")]));
}

/**
 * `npm run metrics:recompute -- <regionCode>`: recomputes every month of a region from its accepted sheets
 * (recomputeRegion, one transaction: on an error nothing changes) and says whether the result is identical
 * to what was stored. Not a use case: an operator's command with direct database access.
 */
export async function recomputeAndCompare(client: PrismaClient, regionCode: string): Promise<RecomputeReport> {
  const region = await client.region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true } });
  if (!region) throw new Error(`统筹区 ${regionCode} 不存在。`);
  const before = await snapshot(client, region.id);
  const result = await client.$transaction((tx) => recomputeRegion(tx, region.id), { maxWait: 10_000, timeout: 3_600_000 });
  const after = await snapshot(client, region.id);
  let changed = 0;
  let added = 0;
  let removed = 0;
  const examples: string[] = [];
  const note = (text: string) => {
    if (examples.length < 10) examples.push(text);
  };
  for (const [k, v] of after) {
    const old = before.get(k);
    if (old === undefined) {
      added++;
      note(`新增 ${k}: ${v}`);
    } else if (old !== v) {
      changed++;
      note(`变化 ${k}: ${old} → ${v}`);
    }
  }
  for (const k of before.keys())
    if (!after.has(k)) {
      removed++;
      note(`删除 ${k}: ${before.get(k)}`);
    }
  return { region: { code: region.code, name: region.name }, periods: result.periods, rows: result.rows, changed, added, removed, examples };
}
