import type { IndicatorDef } from "../catalogue";
import { LEVEL_LABELS, type InstitutionLevel } from "../institutions";
import { METRIC_FIELDS, type MetricField, type MetricRow } from "../metrics/compute-metrics";
import { periodFlags } from "../metrics/period-flags";
import { peerStats, type AnomalyFlag, type GroupStats, type PeerStats, type Position } from "../metrics/peers";
import type { Period } from "../periods";
import { isPersonCountUnit } from "../suppression";
import { figure, num, resolve, type NumOptions, type RowIndex } from "./figures";
import type {
  Alert,
  GroupStatsView,
  IndicatorInfo,
  InstitutionPart,
  OwnIndicatorRow,
  PanelData,
  PanelSpec,
  PositionView,
  PublicationKind,
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
  const compared: MetricRow[] = institutions.map((i) => {
    const row = at(i.code);
    const value = (view === "quarter" ? row?.quarter : view === "month" ? row?.month : row?.ytd) ?? null;
    const empty = Object.fromEntries(METRIC_FIELDS.map((f) => [f, null])) as Record<MetricField, null>;
    return {
      ...empty,
      period: end,
      indicatorCode: def.code,
      scheme: info.scheme,
      institutionCode: i.code,
      ytd: value,
      month: value,
      lineage: { formula: null, inputs: [] },
    };
  });
  const stats = peerStats(compared, institutions, "ytd");
  return { def, info, view, stats, byCode: new Map(stats.institutions.map((s) => [s.institutionCode, s])) };
}

const groupView = (g: GroupStats, unit: string, o: NumOptions): GroupStatsView => ({
  count: g.count,
  min: num(g.min, unit, o),
  q1: num(g.q1, unit, o),
  median: num(g.median, unit, o),
  q3: num(g.q3, unit, o),
  max: num(g.max, unit, o),
});
const positionView = (p: Position): PositionView => ({ rank: p.rank, count: p.count, percentile: p.percentile });

/** This period's flags of the institutions, with reasons that never print a suppressed count. */
export function flagsOf(
  defs: readonly IndicatorDef[],
  institutions: readonly Institution[],
  endRows: readonly MetricRow[],
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
  flags: Map<string, AnomalyFlag[]>;
  explanations: Record<string, string>;
  suppression: NumOptions;
}

/** The OWN panels of one institution (peers are added per view, by peer mode). */
export function institutionPart(inst: Institution, panels: readonly PanelSpec[], c: OwnPartContext): InstitutionPart {
  const o = c.suppression;
  const cmp = (ref: NonNullable<PanelSpec["x"]>) => {
    const r = resolve(c.defs, ref);
    return r ? c.comparisons.get(valueKey(r.info)) : undefined;
  };
  const own = (comparison: Comparison) => num(comparison.byCode.get(inst.code)?.value, comparison.def.unit, o);
  const out: Record<string, PanelData> = {};
  for (const panel of panels) {
    if (panel.kind === "OWN_INDICATORS") {
      const rows = (panel.indicators ?? []).flatMap((ref) => {
        const k = cmp(ref);
        const s = k?.byCode.get(inst.code);
        if (!k || !s) return [];
        return [
          {
            indicator: k.info,
            figure: figure(k.def, k.info, c.rows, c.end, inst.code, c.kind === "QUARTERLY_RELEASE", o),
            value: own(k),
            view: k.view,
            inRegion: positionView(s.inRegion),
            inLevel: positionView(s.inLevel),
            region: groupView(k.stats.region, k.def.unit, o),
            level: groupView(k.stats.levels[inst.level] ?? k.stats.region, k.def.unit, o),
          },
        ];
      });
      out[panel.id] = { kind: "OWN_INDICATORS", rows, peers: [] };
    } else if (panel.kind === "PEER_QUADRANT") {
      const [x, y, size] = [panel.x, panel.y, panel.size].map((r) => (r ? cmp(r) : undefined));
      if (!x || !y) continue;
      const values: Record<string, ReturnType<typeof own>> = { [valueKey(x.info)]: own(x), [valueKey(y.info)]: own(y) };
      if (size) values[valueKey(size.info)] = own(size);
      out[panel.id] = {
        kind: "PEER_QUADRANT",
        x: x.info,
        y: y.info,
        size: size?.info ?? null,
        points: [{ label: inst.name, own: true, values }],
      };
    } else if (panel.kind === "PEER_DISTRIBUTION") {
      const rows = (panel.indicators ?? []).flatMap((ref) => {
        const k = cmp(ref);
        return k ? [{ indicator: k.info, level: groupView(k.stats.levels[inst.level] ?? k.stats.region, k.def.unit, o), own: own(k) }] : [];
      });
      out[panel.id] = { kind: "PEER_DISTRIBUTION", rows };
    } else if (panel.kind === "ALERTS") {
      const alerts: Alert[] = (c.flags.get(inst.code) ?? []).map((f) => {
        const def = c.defs.get(f.indicatorCode)!;
        const info = resolve(c.defs, { code: f.indicatorCode, scheme: f.scheme })!.info;
        return {
          indicator: { ...info, nameZh: def.nameZh },
          kind: f.kind,
          reason: f.reason,
          explanation: c.explanations[alertKey(f)]?.trim() || null,
        };
      });
      out[panel.id] = { kind: "ALERTS", alerts };
    }
  }
  return { institution: { code: inst.code, name: inst.name, level: inst.level, levelLabel: LEVEL_LABELS[inst.level] }, panels: out };
}
