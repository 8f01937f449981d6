import type { IndicatorDef } from "../catalogue";
import { LEVEL_LABELS, type InstitutionLevel } from "../institutions";
import type { MetricValues } from "../metrics/compute-metrics";
import { periodFlags } from "../metrics/period-flags";
import { peerStatsOf, type AnomalyFlag, type GroupStats, type PeerStats, type Position } from "../metrics/peers";
import type { Period } from "../periods";
import { isPersonCountUnit } from "../suppression";
import { figure, num, resolve, type NumOptions, type RowIndex } from "./figures";
import {
  type CompactPanel,
  type CompactPart,
  type CompactPosition,
  type ComparisonStats,
  type GroupStatsView,
  type IndicatorInfo,
  type IndicatorRef,
  type Num,
  type OwnIndicatorRow,
  type PanelSpec,
  type PublicationKind,
} from "./types";

/** Keys an anomaly flag for the data group's explanations: "H34010000001:IN05:PEER_HIGH". */
export const alertKey = (f: Pick<AnomalyFlag, "institutionCode" | "indicatorCode" | "kind">) =>
  `${f.institutionCode ?? "region"}:${f.indicatorCode}:${f.kind}`;

/** Key of a peer value in FrozenRegionPart.peers: "IN05:TOTAL". */
export const valueKey = (info: Pick<IndicatorInfo, "code" | "scheme">) => `${info.code}:${info.scheme}`;

export interface Institution {
  code: string;
  name: string;
  level: InstitutionLevel;
}

/**
 * The comparisons of one indicator across the region's institutions: the compared value of each (本季 for a
 * quarterly release where the indicator has one, else 累计; the month's value for a monthly push), ranks,
 * percentiles and quartiles (metrics/peers.ts).
 */
export interface Comparison {
  def: IndicatorDef;
  info: IndicatorInfo;
  /** valueKey(info). */
  key: string;
  view: OwnIndicatorRow["view"];
  stats: PeerStats;
  byCode: Map<string, PeerStats["institutions"][number]>;
}

export function compare(
  def: IndicatorDef,
  info: IndicatorInfo,
  rows: RowIndex,
  end: Period,
  kind: PublicationKind,
  institutions: readonly Institution[],
): Comparison {
  const at = (code: string) => rows.get(end, def.code, info.scheme, code);
  const quarterValue = kind === "QUARTERLY_RELEASE" && institutions.some((i) => at(i.code)?.quarter != null);
  const view: OwnIndicatorRow["view"] = quarterValue ? "quarter" : kind === "MONTHLY_PUSH" ? "month" : "ytd";
  const valueOf = (code: string) => {
    const row = at(code);
    return (view === "quarter" ? row?.quarter : view === "month" ? row?.month : row?.ytd) ?? null;
  };
  const stats = peerStatsOf(institutions, valueOf, "ytd");
  return { def, info, key: valueKey(info), view, stats, byCode: new Map(stats.institutions.map((s) => [s.institutionCode, s])) };
}

/** What every part shares of a comparison (stored once, in the region part's `comparisons`). */
export function comparisonStats(k: Comparison, o: NumOptions): ComparisonStats {
  const levels: Record<string, GroupStatsView> = {};
  for (const [level, g] of Object.entries(k.stats.levels)) levels[level] = groupView(g, k.def.unit, o);
  return { view: k.view, region: groupView(k.stats.region, k.def.unit, o), levels };
}

const groupView = (g: GroupStats, unit: string, o: NumOptions): GroupStatsView => ({
  count: g.count,
  min: num(g.min, unit, o),
  q1: num(g.q1, unit, o),
  median: num(g.median, unit, o),
  q3: num(g.q3, unit, o),
  max: num(g.max, unit, o),
});
const position = (p: Position): CompactPosition => [p.rank, p.percentile];

/** This period's flags of the institutions, with reasons that never print a suppressed count. */
export function flagsOf(
  defs: readonly IndicatorDef[],
  institutions: readonly Institution[],
  endRows: readonly MetricValues[],
  kind: PublicationKind,
  o: NumOptions,
): AnomalyFlag[] {
  const flags = periodFlags({
    catalogue: defs.filter((d) => d.scope === "INSTITUTION"),
    institutions,
    rows: endRows,
    view: kind === "MONTHLY_PUSH" ? "month" : "ytd",
  });
  const unitOf = new Map(defs.map((d) => [d.code, d]));
  return flags.map((f) => {
    const def = unitOf.get(f.indicatorCode)!;
    const hidden = isPersonCountUnit(def.unit) && [f.value, f.limit].some((v) => typeof num(v, def.unit, o) === "object" && v !== null);
    if (!hidden) return f;
    const what =
      f.kind === "PEER_HIGH"
        ? "高于同级机构的合理范围"
        : f.kind === "PEER_LOW"
          ? "低于同级机构的合理范围"
          : f.kind === "YOY_UP"
            ? "同比增幅较大"
            : "同比降幅较大";
    return { ...f, reason: `${def.nameZh}${what}（数值小于 ${o.threshold}，不予显示）` };
  });
}

export interface OwnPartContext {
  kind: PublicationKind;
  end: Period;
  defs: ReadonlyMap<string, IndicatorDef>;
  rows: RowIndex;
  comparisons: Map<string, Comparison>;
  /** The comparison of each layout reference, filled on first use (the same for every institution). */
  resolved: Map<IndicatorRef, Comparison | undefined>;
  flags: Map<string, AnomalyFlag[]>;
  explanations: Record<string, string>;
  suppression: NumOptions;
}

/**
 * The OWN panels of one institution, as stored (format 2: what is its own; indicators and group statistics by
 * key, see CompactPart). Peers are added per view, by peer mode. Every object is built with its keys in sorted
 * order, so JSON.stringify writes its canonical JSON (publication-part-format.test.ts checks it).
 */
export function institutionPart(inst: Institution, panels: readonly PanelSpec[], c: OwnPartContext): CompactPart {
  const o = c.suppression;
  const values = new Map<string, Num>();
  const own = (k: Comparison) => {
    if (!values.has(k.key)) values.set(k.key, num(k.byCode.get(inst.code)?.value, k.def.unit, o));
    return k.key;
  };
  const out = new Map<string, CompactPanel>();
  for (const panel of panels) {
    if (panel.kind === "OWN_INDICATORS") {
      const rows = [];
      for (const ref of panel.indicators ?? []) {
        const k = comparisonOf(c, ref);
        const s = k?.byCode.get(inst.code);
        if (!k || !s) continue;
        const f = figure(k.def, k.info, c.rows, c.end, inst.code, c.kind === "QUARTERLY_RELEASE", o);
        // FIGURE_FIELDS' order.
        const list: Num[] = [
          f.month,
          f.ytd,
          f.prevYearYtd,
          f.yoy,
          f.mom,
          f.yoyDiff,
          f.momDiff,
          f.quarter,
          f.prevYearQuarter,
          f.quarterYoy,
          f.qoq,
          f.quarterYoyDiff,
          f.qoqDiff,
        ];
        while (list.length && list[list.length - 1] === null) list.pop();
        rows.push({ figure: list, inLevel: position(s.inLevel), inRegion: position(s.inRegion), key: own(k) });
      }
      out.set(panel.id, { kind: "OWN_INDICATORS", rows });
    } else if (panel.kind === "PEER_QUADRANT") {
      const [x, y, size] = [panel.x, panel.y, panel.size].map((r) => (r ? comparisonOf(c, r) : undefined));
      if (!x || !y) continue;
      const [xKey, yKey] = [own(x), own(y)];
      out.set(panel.id, { kind: "PEER_QUADRANT", size: size ? own(size) : null, x: xKey, y: yKey });
    } else if (panel.kind === "PEER_DISTRIBUTION") {
      const keys = [];
      for (const ref of panel.indicators ?? []) {
        const k = comparisonOf(c, ref);
        if (k) keys.push(own(k));
      }
      out.set(panel.id, { keys, kind: "PEER_DISTRIBUTION" });
    } else if (panel.kind === "ALERTS") {
      const alerts = (c.flags.get(inst.code) ?? []).map((f) => ({
        explanation: c.explanations[alertKey(f)]?.trim() || null,
        key: valueKey(resolve(c.defs, { code: f.indicatorCode, scheme: f.scheme })!.info),
        kind: f.kind,
        reason: f.reason,
      }));
      out.set(panel.id, { alerts, kind: "ALERTS" });
    }
  }
  return {
    format: 2,
    institution: { code: inst.code, level: inst.level, levelLabel: LEVEL_LABELS[inst.level], name: inst.name },
    panels: sortedRecord(out),
    values: sortedRecord(values),
  };
}

/** The comparison a layout reference shows (resolved once for all institutions). */
function comparisonOf(c: OwnPartContext, ref: IndicatorRef): Comparison | undefined {
  if (!c.resolved.has(ref)) {
    const r = resolve(c.defs, ref);
    c.resolved.set(ref, r ? c.comparisons.get(valueKey(r.info)) : undefined);
  }
  return c.resolved.get(ref);
}

function sortedRecord<T>(map: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}
