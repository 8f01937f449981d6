import { SCHEMES, type Scheme } from "@/app/_domain/catalogue";
import { can } from "@/app/_domain/permissions";
import { addMonths, isPeriod, isQuarterEnd, monthLabel, quarterLabel, type Period } from "@/app/_domain/periods";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { metricPeriods, readStoredRows } from "./metric-region";
import { readableRegion } from "../auth/readable-region";

export type MetricsMode = "month" | "quarter";

export interface MetricTableRow {
  key: string;
  code: string;
  nameZh: string;
  unit: string;
  basis: string;
  derived: boolean;
  tag: string;
  local: boolean;
  scheme: Scheme;
  /** How many schemes the indicator has (the table spans its name over them). */
  schemeCount: number;
  ytd: string | null;
  month: string | null;
  prevYearYtd: string | null;
  yoy: string | null;
  mom: string | null;
  /** In the indicator's unit (percentage points for %): shown instead of yoy / mom for %-unit indicators. */
  yoyDiff: string | null;
  momDiff: string | null;
  /** Quarter view only: the engine's quarter fields (docs/metrics.md), and the previous quarter's value. */
  quarter: { value: string | null; previous: string | null; qoq: string | null; qoqDiff: string | null } | null;
}

/**
 * The 指标分析 page's main table: the region-level indicators of the region's catalogue, by category (catalogue
 * order) × scheme, with 本期 / 累计 / 同比 / 环比 of a month — or, in the quarter view, of the quarter ending in
 * that month (the stored quarter fields). Readers: the region's staff and the province's supervisors.
 */
export async function getMetricsTable(session: Session, input: { regionCode?: string | null; period?: string | null; mode?: MetricsMode }) {
  const region = await readableRegion(session, input.regionCode, "metrics.table");
  const prisma = await db();
  const [catalogue, periods] = await Promise.all([loadRegionCatalogue(prisma, region.id), metricPeriods(prisma, region.id)]);
  const mode: MetricsMode = input.mode === "quarter" ? "quarter" : "month";
  const quarters = periods.filter(isQuarterEnd);
  const choices = mode === "quarter" ? quarters : periods;
  const period = input.period && isPeriod(input.period) && choices.includes(input.period) ? input.period : (choices[0] ?? null);
  const base = {
    region: { code: region.code, name: region.name },
    regions: region.choices,
    catalogue: { code: catalogue.version.code, name: catalogue.version.name, reconstructed: catalogue.version.reconstructed },
    mode,
    periods,
    quarters,
    canOpenSheets: can(session.roles, "region.read"),
    /** The 医疗机构比较 tab: region staff only (supervisors read institutions in publications). */
    canReadInstitutions: region.institutions,
  };
  if (period === null) return { ...base, period: null, label: null, categories: [] as { name: string; rows: MetricTableRow[] }[] };

  const months: Period[] = mode === "quarter" ? [period, addMonths(period, -3)] : [period];
  const rows = await readStoredRows(prisma, region.id, months, { scope: "REGION" });
  const byKey = new Map(rows.map((r) => [`${r.period}|${r.indicatorCode}|${r.scheme}`, r]));
  const categories = new Map<string, MetricTableRow[]>();
  for (const def of catalogue.indicators) {
    if (def.scope !== "REGION") continue;
    const schemes = SCHEMES.filter((s) => def.schemes.includes(s));
    for (const scheme of schemes) {
      const r = byKey.get(`${period}|${def.code}|${scheme}`);
      const before = byKey.get(`${addMonths(period, -3)}|${def.code}|${scheme}`);
      const list = categories.get(def.category) ?? [];
      list.push({
        key: `${def.code}|${scheme}`,
        code: def.code,
        nameZh: def.nameZh,
        unit: def.unit,
        basis: def.basis,
        derived: def.formula !== null,
        tag: def.tag,
        local: def.local,
        scheme,
        schemeCount: schemes.length,
        ytd: r?.ytd ?? null,
        month: r?.month ?? null,
        prevYearYtd: r?.prevYearYtd ?? null,
        yoy: r?.yoy ?? null,
        mom: r?.mom ?? null,
        yoyDiff: r?.yoyDiff ?? null,
        momDiff: r?.momDiff ?? null,
        quarter:
          mode === "quarter"
            ? { value: r?.quarter ?? null, previous: before?.quarter ?? null, qoq: r?.qoq ?? null, qoqDiff: r?.qoqDiff ?? null }
            : null,
      });
      categories.set(def.category, list);
    }
  }
  return {
    ...base,
    period,
    label: mode === "quarter" ? quarterLabel(period) : monthLabel(period),
    categories: [...categories].map(([name, rows]) => ({ name, rows })),
  };
}
