import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { canonicalNumericText } from "../sheets/sheet-values-store";
import { METRIC_FIELDS } from "@/app/_domain/metrics/compute-metrics";
import { readMetricValues } from "./metric-store";
import { recomputeRegion } from "./recompute-metrics";

type Db = PrismaClient | Prisma.TransactionClient;

export interface RecomputeReport {
  region: { code: string; name: string };
  periods: number;
  rows: number;
  /** Values stored before and after with the same key but a different value in any field. */
  changed: number;
  /** Keys only after (added) or only before (removed). */
  added: number;
  removed: number;
  /** Up to 10 examples of differences, for the operator. */
  examples: string[];
}

/**
 * The stored metrics of a region as key → every field (METRIC_FIELDS) joined by "|", each number in canonical
 * form: values stored before a change of column type may carry trailing zeros ("12.5000000000") that are the
 * same number; fields added later and not yet computed read as missing.
 */
async function snapshot(client: Db, regionId: string): Promise<Map<string, string>> {
  const months = await client.$queryRawUnsafe<{ period: string }[]>(`SELECT "period" FROM "MetricMonth" WHERE "regionId" = $1`, regionId);
  const institutions = await client.institution.findMany({ where: { regionId }, select: { id: true, code: true } });
  const rows = await readMetricValues(
    client,
    regionId,
    months.map((m) => m.period),
    new Map(institutions.map((i) => [i.id, i.code])),
  );
  const text = (v: string | null) => (v === null ? "—" : canonicalNumericText(v));
  return new Map(
    rows.map((r) => [
      `${r.period} ${r.indicatorCode} ${r.scheme} ${r.institutionCode ?? "—"}`,
      METRIC_FIELDS.map((f) => text(r[f])).join("|"),
    ]),
  );
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
  return {
    region: { code: region.code, name: region.name },
    periods: result.periods,
    rows: result.rows,
    changed,
    added,
    removed,
    examples,
  };
}
