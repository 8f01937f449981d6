import type { IndicatorDef, Scheme } from "../catalogue";
import type { MetricValues } from "../metrics/compute-metrics";
import type { Period } from "../periods";
import { isPersonCountUnit, isSmallCount, suppressCells, suppressionMarker, type SuppressionOptions } from "../suppression";
import type { Figure, IndicatorInfo, IndicatorRef, Num, SeriesPoint } from "./types";

/**
 * Numbers of a snapshot from the stored metric rows: Figures (本期, 累计, 同比/环比, 百分点, 本季), series, and
 * the one place small counts are suppressed (every Num a snapshot holds goes through `num`, and through `frozen`
 * where 职工 + 居民 = 合计 could give a hidden count back).
 */

/** Desirable directions where the catalogue implies one (docs/publications.md: colour only there). (norm) */
const BETTER: Record<string, "UP" | "DOWN"> = {
  FB05: "UP",
  FB06: "UP",
  PM03: "UP",
  PM05: "UP",
  PM06: "UP",
  PM07: "UP",
  SV09: "UP",
  IN09: "DOWN",
  IN10: "UP",
  IN12: "DOWN",
  IN13: "DOWN",
  IN14: "UP",
  IN15: "UP",
  IN17: "DOWN",
  IN19: "DOWN",
  IN20: "UP",
};

export function indicatorInfo(def: IndicatorDef, scheme?: Scheme): IndicatorInfo {
  return {
    code: def.code,
    scheme: scheme && def.schemes.includes(scheme) ? scheme : def.schemes.includes("TOTAL") ? "TOTAL" : def.schemes[0]!,
    nameZh: def.nameZh,
    unit: def.unit,
    percent: def.unit === "%",
    better: BETTER[def.code] ?? null,
    definition: def.definition,
  };
}

/**
 * Stored rows indexed by period, code and scheme, then institution (null: the region). Nested maps, so that a
 * lookup builds no key (a freeze looks up about a million rows).
 */
export class RowIndex {
  private readonly periods = new Map<Period, Map<string, Map<Scheme, Map<string | null, MetricValues>>>>();
  constructor(rows: Iterable<MetricValues>) {
    for (const row of rows) {
      let codes = this.periods.get(row.period);
      if (!codes) this.periods.set(row.period, (codes = new Map()));
      let schemes = codes.get(row.indicatorCode);
      if (!schemes) codes.set(row.indicatorCode, (schemes = new Map()));
      let set = schemes.get(row.scheme);
      if (!set) schemes.set(row.scheme, (set = new Map()));
      set.set(row.institutionCode, row);
    }
  }
  get(period: Period, code: string, scheme: Scheme, institution: string | null): MetricValues | undefined {
    return this.periods.get(period)?.get(code)?.get(scheme)?.get(institution);
  }
}

export interface NumOptions extends SuppressionOptions {
  threshold: number;
}

/** A value as frozen: suppressed when it is a small count of persons (unit 人/人次/例/户). */
export function num(value: string | null | undefined, unit: string, options: NumOptions): Num {
  if (value === null || value === undefined) return null;
  return isPersonCountUnit(unit) && isSmallCount(value, options) ? { suppressed: suppressionMarker(options) } : value;
}

type FieldOf = (row: MetricValues) => string | null;

const PAIRED: readonly Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];

/**
 * One field of an indicator × scheme as frozen, with complementary suppression across schemes: where a count is
 * reported for 职工 and 居民 with 合计 = 职工 + 居民, a hidden 职工 (or 居民) count would be 合计 minus the other.
 * So when one of the two is small, the other is hidden with it (suppressCells on the pair), and where it has no
 * partner to hide (zero or missing), 合计 is withheld instead. A small 合计 is hidden by itself.
 */
export function frozen(
  def: IndicatorDef,
  rows: RowIndex,
  period: Period,
  scheme: Scheme,
  institution: string | null,
  pick: FieldOf,
  o: NumOptions,
  /** The row of `scheme`, when the caller has it already. */
  row = rows.get(period, def.code, scheme, institution),
): Num {
  const value = row === undefined ? null : pick(row);
  if (value === null || !isPersonCountUnit(def.unit) || !PAIRED.every((s) => def.schemes.includes(s))) return num(value, def.unit, o);
  const at = (s: Scheme) => {
    const other = rows.get(period, def.code, s, institution);
    return other === undefined ? null : pick(other);
  };
  const { hide, totalsToWithhold } = suppressCells([[at("EMPLOYEE"), at("RESIDENT")]], o);
  const hidden =
    scheme === "EMPLOYEE" ? hide[0]![0] : scheme === "RESIDENT" ? hide[0]![1] : totalsToWithhold.rows.length > 0 || isSmallCount(value, o);
  return hidden ? { suppressed: suppressionMarker(o) } : value;
}

/** The chart value of a month: the month's own amount for a FLOW, the value for STOCK and RATE. */
export const monthValue = (def: Pick<IndicatorDef, "basis" | "formula">, row: MetricValues | undefined): string | null =>
  row === undefined ? null : def.basis === "FLOW" ? row.month : row.ytd;

/**
 * The figure of one indicator × scheme of the region (institution null) or an institution at `end`, from the
 * engine's stored fields (docs/metrics.md): growth rates as fractions, and for %-unit indicators the changes in
 * percentage points (*Diff) instead of growth rates. Quarter fields only for a quarterly release.
 */
export function figure(
  def: IndicatorDef,
  ref: IndicatorInfo,
  rows: RowIndex,
  end: Period,
  institution: string | null,
  quarterly: boolean,
  o: NumOptions,
): Figure {
  const row = rows.get(end, def.code, ref.scheme, institution);
  const q = quarterly ? row : undefined;
  const pct = ref.percent;
  return {
    month: frozen(def, rows, end, ref.scheme, institution, MONTH, o, row),
    ytd: frozen(def, rows, end, ref.scheme, institution, YTD, o, row),
    prevYearYtd: frozen(def, rows, end, ref.scheme, institution, PREV_YEAR_YTD, o, row),
    yoy: growth(pct, row?.yoy),
    mom: growth(pct, row?.mom),
    yoyDiff: points(pct, row?.yoyDiff),
    momDiff: points(pct, row?.momDiff),
    quarter: q ? frozen(def, rows, end, ref.scheme, institution, QUARTER, o, row) : null,
    prevYearQuarter: q ? frozen(def, rows, end, ref.scheme, institution, PREV_YEAR_QUARTER, o, row) : null,
    quarterYoy: growth(pct, q?.quarterYoy),
    qoq: growth(pct, q?.qoq),
    quarterYoyDiff: points(pct, q?.quarterYoyDiff),
    qoqDiff: points(pct, q?.qoqDiff),
  };
}

// Growth rates only for non-% indicators, percentage points only for %-unit ones.
const growth = (pct: boolean, v: string | null | undefined) => (pct ? null : (v ?? null));
const points = (pct: boolean, v: string | null | undefined) => (pct ? (v ?? null) : null);
const MONTH: FieldOf = (r) => r.month;
const YTD: FieldOf = (r) => r.ytd;
const PREV_YEAR_YTD: FieldOf = (r) => r.prevYearYtd;
const QUARTER: FieldOf = (r) => r.quarter;
const PREV_YEAR_QUARTER: FieldOf = (r) => r.prevYearQuarter;

/** Month-by-month chart values of the given months. */
export function series(def: IndicatorDef, ref: IndicatorInfo, rows: RowIndex, months: readonly Period[], o: NumOptions): SeriesPoint[] {
  return months.map((period) => ({ period, value: frozen(def, rows, period, ref.scheme, null, (r) => monthValue(def, r), o) }));
}

/** Resolves a layout reference against the catalogue; undefined when the catalogue lacks the code. */
export function resolve(
  defs: ReadonlyMap<string, IndicatorDef>,
  ref: IndicatorRef,
): { def: IndicatorDef; info: IndicatorInfo } | undefined {
  const def = defs.get(ref.code);
  return def ? { def, info: indicatorInfo(def, ref.scheme) } : undefined;
}
