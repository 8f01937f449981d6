import type { Scheme } from "@/app/_domain/catalogue";
import { INSTITUTION_LEVELS, LEVEL_LABELS, type InstitutionLevel } from "@/app/_domain/institutions";
import { periodFlags } from "@/app/_domain/metrics/period-flags";
import { peerStats, type GroupStats, type PeerView, type Position } from "@/app/_domain/metrics/peers";
import { can } from "@/app/_domain/permissions";
import { isPeriod, monthLabel } from "@/app/_domain/periods";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { metricPeriods, readStoredRows } from "./metric-region";
import { readableRegion } from "../auth/readable-region";

export interface InstitutionComparisonRow {
  code: string;
  name: string;
  level: string;
  levelLabel: string;
  value: string | null;
  inRegion: Position;
  inLevel: Position;
  flags: { kind: string; reason: string }[];
}

const levelLabel = (level: string) => LEVEL_LABELS[level as InstitutionLevel] ?? level;
const levelRank = (level: string) => {
  const i = (INSTITUTION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? INSTITUTION_LEVELS.length : i;
};

/**
 * The 医疗机构比较 tab: for one institution-level indicator of one month, every institution of the region with its
 * value, rank and percentile within the region and within its hospital level, the groups' quartiles, and the
 * anomaly flags with their reasons; plus every flag of the month across the institution indicators. Computed
 * on reading from the stored metrics (peers.ts), so it always matches the numbers shown. Readers: the region's staff
 * (supervisors read institutions only in publications, issue 16 finding 4); institution names are shown to bureau staff only (this is not a hospital's screen).
 */
export async function getInstitutionComparison(
  session: Session,
  input: { regionCode?: string | null; period?: string | null; indicator?: string | null; view?: PeerView },
) {
  const region = await readableRegion(session, input.regionCode, "metrics.institutions", "institutions");
  const prisma = await db();
  const [catalogue, periods, institutions] = await Promise.all([
    loadRegionCatalogue(prisma, region.id),
    metricPeriods(prisma, region.id),
    prisma.institution.findMany({
      where: { regionId: region.id },
      orderBy: { code: "asc" },
      select: { code: true, name: true, level: true },
    }),
  ]);
  const defs = catalogue.indicators.filter((i) => i.scope === "INSTITUTION");
  const indicators = defs.map((d) => ({ code: d.code, nameZh: d.nameZh, unit: d.unit, category: d.category }));
  const period = input.period && isPeriod(input.period) && periods.includes(input.period) ? input.period : (periods[0] ?? null);
  const def = defs.find((d) => d.code === input.indicator) ?? defs[0];
  const view: PeerView = input.view === "month" ? "month" : "ytd";
  const base = {
    region: { code: region.code, name: region.name },
    periods,
    indicators,
    view,
    canOpenSheets: can(session.roles, "region.read"),
  };
  if (!period || !def)
    return { ...base, period: null, label: null, indicator: null, rows: [], regionStats: null, levels: [], allFlags: [] };

  const scheme: Scheme = def.schemes[0]!;
  const peers = institutions.map((i) => ({ code: i.code, level: i.level }));
  const rows = await readStoredRows(prisma, region.id, [period], { scope: "INSTITUTION" });
  const flags = periodFlags({ catalogue: defs, institutions: peers, rows, view });
  const stats = peerStats(
    rows.filter((r) => r.indicatorCode === def.code && r.scheme === scheme),
    peers,
    view,
  );
  const nameOf = new Map(institutions.map((i) => [i.code, i.name]));
  const defOf = new Map(defs.map((d) => [d.code, d]));
  return {
    ...base,
    period,
    label: monthLabel(period),
    indicator: { code: def.code, nameZh: def.nameZh, unit: def.unit, basis: def.basis, formula: def.formula, scheme },
    regionStats: stats.region,
    // 三级, 二级, 一级, 未定级: the order bureau tables use.
    levels: Object.entries(stats.levels)
      .sort(([a], [b]) => levelRank(a) - levelRank(b))
      .map(([level, s]: [string, GroupStats]) => ({ level, label: levelLabel(level), stats: s })),
    rows: stats.institutions.map<InstitutionComparisonRow>((s) => ({
      code: s.institutionCode,
      name: nameOf.get(s.institutionCode) ?? s.institutionCode,
      level: s.level,
      levelLabel: levelLabel(s.level),
      value: s.value,
      inRegion: s.inRegion,
      inLevel: s.inLevel,
      flags: flags
        .filter((f) => f.indicatorCode === def.code && f.institutionCode === s.institutionCode)
        .map((f) => ({ kind: f.kind, reason: f.reason })),
    })),
    allFlags: flags.map((f) => ({
      indicator: f.indicatorCode,
      nameZh: defOf.get(f.indicatorCode)?.nameZh ?? f.indicatorCode,
      institution: f.institutionCode,
      institutionName: f.institutionCode ? (nameOf.get(f.institutionCode) ?? f.institutionCode) : null,
      levelLabel: f.level ? levelLabel(f.level) : null,
      kind: f.kind,
      reason: f.reason,
    })),
  };
}
