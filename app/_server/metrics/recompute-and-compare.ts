import type { Prisma, PrismaClient } from "../generated/prisma/client";
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

/** The stored metrics of a region as key → "ytd|month|prevYearYtd|yoy|mom" (numeric text, fixed scale). */
async function snapshot(client: Db, regionId: string): Promise<Map<string, string>> {
  const rows = await client.$queryRawUnsafe<{ k: string; v: string }[]>(
    `SELECT m."period" || ' ' || m."indicatorCode" || ' ' || m."scheme"::text || ' ' || coalesce(i."code", '—') AS k,
            concat_ws('|', coalesce(m."ytd"::text, '—'), coalesce(m."month"::text, '—'), coalesce(m."prevYearYtd"::text, '—'),
                           coalesce(m."yoy"::text, '—'), coalesce(m."mom"::text, '—')) AS v
       FROM "MetricValue" m LEFT JOIN "Institution" i ON i."id" = m."institutionId" WHERE m."regionId" = $1`,
    regionId,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
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
