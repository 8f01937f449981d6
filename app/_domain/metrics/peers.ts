import type { IndicatorDef, Scheme } from "../catalogue";
import { Decimal } from "../formula/decimal";
import type { Period } from "../periods";
import type { FlagRow, MetricValues } from "./compute-metrics";
import { grouped, percentNumber, shortest, valueWithUnit } from "./format";

/**
 * Institution comparisons (docs/product.md §5): rank within the region and within the same hospital level, and
 * simple anomaly flags. Pure; the results carry institution codes for the caller's use (a hospital may see its
 * own position), but no text here ever names an institution.
 *
 * Which value is compared (`view`):
 * - "ytd" (the year view, the default): MetricRow.ytd — the year-to-date total of a FLOW, the year-to-date
 *   ratio of a derived indicator;
 * - "month" (the monthly view): MetricRow.month — the month's own amount of a FLOW, the ratio over the month's
 *   flows of a derived indicator.
 * For STOCK and RATE inputs both are the value itself (ytd = month), so the view does not matter for them.
 * The year-on-year flag always uses MetricRow.yoy (year to date for a FLOW, docs/product.md §4): rows carry no
 * monthly yoy.
 */
export type PeerView = "ytd" | "month";

/**
 * Quartiles by the inclusive method with linear interpolation (Excel QUARTILE.INC / PERCENTILE.INC, R type 7,
 * numpy's default): for sorted values x₀ ≤ … ≤ xₙ₋₁ the p-quantile is at h = (n − 1)·p,
 * q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). With n = 1 every quartile is the value. Exact decimals (the
 * interpolation weights are 0, ¼, ½ or ¾); strings rounded half up to 6 places like MetricRow.
 */
export interface GroupStats {
  /** Institutions in the group with a value. */
  count: number;
  min: string | null;
  q1: string | null;
  median: string | null;
  q3: string | null;
  max: string | null;
}

export interface Position {
  /** 1 = highest value; equal values share the best rank (1, 2, 2, 4). null without a value. */
  rank: number | null;
  /** Institutions in the group with a value. */
  count: number;
  /**
   * 0–100, 100 = highest: (count − rank) ÷ (count − 1) × 100, i.e. the share of the other institutions of the
   * group whose value is not higher; 100 when alone; 1 decimal, half up. null without a value.
   */
  percentile: number | null;
}

export interface InstitutionPeerStats {
  institutionCode: string;
  level: string;
  /** The compared value (see `view`), or null when the institution has none this period. */
  value: string | null;
  inRegion: Position;
  inLevel: Position;
}

export interface PeerStats {
  view: PeerView;
  region: GroupStats;
  /** By hospital level, for every level of the given institutions (sorted by level code). */
  levels: Record<string, GroupStats>;
  /** In the order of `institutions`. */
  institutions: InstitutionPeerStats[];
}

/**
 * A compared value: its decimal text and the nearest double. Doubles order the values wherever the doubles
 * differ (rounding to the nearest double never reverses an order); where two doubles are equal the texts are
 * compared exactly. So ranks, ties and quartiles are exact without a decimal per value.
 */
interface Valued {
  code: string;
  level: string;
  text: string;
  n: number;
}

const valued = (code: string, level: string, text: string): Valued => ({ code, level, text, n: Number(text) });

/** Exact order of two compared values. */
function order(a: Valued, b: Valued): number {
  if (a.n !== b.n) return a.n < b.n ? -1 : 1;
  return a.text === b.text ? 0 : new Decimal(a.text).cmp(b.text);
}

/** Exact order of a compared value against a decimal bound (whose double is `boundN`). */
function against(v: Valued, bound: Decimal, boundN: number): number {
  if (v.n !== boundN) return v.n < boundN ? -1 : 1;
  return new Decimal(v.text).cmp(bound);
}

/** Checks the rows are one period × indicator × scheme of institution level, and indexes them by institution. */
function rowsByInstitution<R extends FlagRow>(rows: readonly R[]): Map<string, R> {
  const first = rows[0];
  const byCode = new Map<string, R>();
  for (const r of rows) {
    if (r.period !== first!.period || r.indicatorCode !== first!.indicatorCode || r.scheme !== first!.scheme) {
      throw new Error("同业比较的行须为同一期间、同一指标、同一险种");
    }
    if (r.institutionCode !== null) byCode.set(r.institutionCode, r);
  }
  return byCode;
}

const pick = (row: FlagRow | undefined, view: PeerView): string | null =>
  row === undefined ? null : view === "month" ? row.month : row.ytd;

const text6 = (d: Decimal): string => {
  const r = d.toDecimalPlaces(6);
  return r.isZero() ? "0" : r.toFixed();
};

/** The p-quantile (p = k/4) of ascending values, exact. */
function quartile(sorted: readonly Valued[], k: 0 | 1 | 2 | 3 | 4): Decimal {
  const num = (sorted.length - 1) * k; // h = num / 4
  const lo = Math.floor(num / 4);
  const rem = num - lo * 4;
  const base = new Decimal(sorted[lo]!.text);
  return rem === 0 ? base : base.plus(new Decimal(sorted[lo + 1]!.text).minus(base).mul(rem).div(4));
}

interface Quartiles {
  count: number;
  q1: Decimal;
  q3: Decimal;
  stats: GroupStats;
}

/** Quartiles of ascending values (sortedByLevel). */
function describe(sorted: readonly Valued[]): Quartiles | null {
  if (sorted.length === 0) return null;
  const q = [0, 1, 2, 3, 4].map((k) => quartile(sorted, k as 0 | 1 | 2 | 3 | 4));
  return {
    count: sorted.length,
    q1: q[1]!,
    q3: q[3]!,
    stats: { count: sorted.length, min: text6(q[0]!), q1: text6(q[1]!), median: text6(q[2]!), q3: text6(q[3]!), max: text6(q[4]!) },
  };
}

const EMPTY_STATS: GroupStats = { count: 0, min: null, q1: null, median: null, q3: null, max: null };

/** Competition ranks (1 = highest) and percentiles of the valued members of one group, ascending (sortedByLevel). */
function positions(sorted: readonly Valued[]): Map<string, Position> {
  const n = sorted.length;
  const out = new Map<string, Position>();
  let rank = 0;
  for (let i = n - 1; i >= 0; i--) {
    const m = sorted[i]!;
    if (i === n - 1 || order(m, sorted[i + 1]!) !== 0) rank = n - i;
    // (n − rank) ÷ (n − 1) × 100 to 1 decimal, half up, in integers: ⌊(2000·(n − rank) + (n − 1)) ÷ (2·(n − 1))⌋ ÷ 10.
    const percentile = n === 1 ? 100 : Math.floor((2000 * (n - rank) + (n - 1)) / (2 * (n - 1))) / 10;
    out.set(m.code, { rank, count: n, percentile });
  }
  return out;
}

/**
 * The valued members sorted ascending (one sort), and by level, each level's members in the same order. `levels`
 * lists the levels to have (with no members if none has a value).
 */
function sortedByLevel(values: Valued[], levels: Iterable<string> = []): { all: Valued[]; byLevel: Map<string, Valued[]> } {
  const all = values.sort(order);
  const byLevel = new Map<string, Valued[]>();
  for (const level of levels) byLevel.set(level, []);
  for (const m of all) {
    const members = byLevel.get(m.level);
    if (members) members.push(m);
    else byLevel.set(m.level, [m]);
  }
  return { all, byLevel };
}

/**
 * Ranks, percentiles and quartiles of one institution-level indicator × scheme in one period.
 * `institutions` should be all the region's institutions (so ranks cover the region); filter the result for
 * what a caller may see. Rows of institutions not listed are ignored; listed ones without a row have no value.
 */
export function peerStats(
  rows: readonly MetricValues[],
  institutions: readonly { code: string; level: string }[],
  view: PeerView = "ytd",
): PeerStats {
  const byCode = rowsByInstitution(rows);
  return peerStatsOf(institutions, (code) => pick(byCode.get(code), view), view);
}

/** peerStats over the compared value of each institution (`valueOf` its code; null: none this period). */
export function peerStatsOf(
  institutions: readonly { code: string; level: string }[],
  valueOf: (code: string) => string | null,
  view: PeerView = "ytd",
): PeerStats {
  const listed = uniqueInstitutions(institutions);
  const unsorted: Valued[] = [];
  const valueByCode = new Map<string, string | null>();
  for (const inst of listed) {
    const v = valueOf(inst.code);
    valueByCode.set(inst.code, v);
    if (v !== null) unsorted.push(valued(inst.code, inst.level, v));
  }
  const { all: values, byLevel: byLevelValues } = sortedByLevel(
    unsorted,
    listed.map((i) => i.level),
  );

  const region = positions(values);
  const byLevel = new Map<string, Map<string, Position>>();
  const levels: Record<string, GroupStats> = {};
  for (const level of [...byLevelValues.keys()].sort()) {
    const members = byLevelValues.get(level)!;
    byLevel.set(level, positions(members));
    levels[level] = describe(members)?.stats ?? EMPTY_STATS;
  }

  const none = (count: number): Position => ({ rank: null, count, percentile: null });
  return {
    view,
    region: describe(values)?.stats ?? EMPTY_STATS,
    levels,
    institutions: listed.map((inst) => {
      const inLevel = byLevel.get(inst.level)!;
      return {
        institutionCode: inst.code,
        level: inst.level,
        value: valueByCode.get(inst.code) ?? null,
        inRegion: region.get(inst.code) ?? none(region.size),
        inLevel: inLevel.get(inst.code) ?? none(inLevel.size),
      };
    }),
  };
}

function uniqueInstitutions(institutions: readonly { code: string; level: string }[]): { code: string; level: string }[] {
  const seen = new Set<string>();
  return institutions.filter((i) => !seen.has(i.code) && seen.add(i.code));
}

// ── anomaly flags ───────────────────────────────────────────────────────────────────────────────────────

export type AnomalyKind = "PEER_HIGH" | "PEER_LOW" | "YOY_UP" | "YOY_DOWN";

export interface AnomalyFlag {
  kind: AnomalyKind;
  period: Period;
  indicatorCode: string;
  scheme: Scheme;
  /** null for a region-level row (only the year-on-year flag applies to those). */
  institutionCode: string | null;
  level: string | null;
  view: PeerView;
  /** PEER_*: the group the institution was compared with (its level, or the region when the level is too small). */
  peerGroup: "LEVEL" | "REGION" | null;
  /** PEER_*: the compared value; YOY_*: the row's ytd. */
  value: string | null;
  /** PEER_*: the fence crossed (q3 + k·IQR or q1 − k·IQR), rounded to 6 places. */
  limit: string | null;
  /** YOY_*: the row's yoy (a fraction); PEER_*: null. */
  yoy: string | null;
  /** YOY_*: the threshold as a fraction ("0.3"). */
  threshold: string | null;
  /** Plain Chinese, never naming an institution. */
  reason: string;
}

export interface AnomalyOptions {
  /** One period × indicator × scheme: institution rows, or region rows (then only the yoy flag applies). */
  rows: readonly FlagRow[];
  institutions: readonly { code: string; level: string }[];
  /** The indicator of the rows (its Chinese name and unit go into the reasons). */
  indicator: Pick<IndicatorDef, "code" | "nameZh" | "unit" | "basis" | "formula">;
  view?: PeerView;
  /** The fence multiplier k of [q1 − k·IQR, q3 + k·IQR]; default 1.5. */
  k?: string | number;
  /** The |yoy| above which a row is flagged, as a fraction; default 0.3 (±30 %). */
  yoyThreshold?: string | number;
  /** The fewest valued institutions a group needs to be compared with; default 4. */
  minPeers?: number;
  /**
   * false: the flags without their texts — `reason` empty, a peer flag's `value` and `limit` null — for counting
   * them (the drafted narrative reads their kinds, indicators, groups and levels only): writing the reasons of
   * thousands of flags in decimals cost more than finding them. Default true.
   */
  texts?: boolean;
}

/**
 * (a) A value outside its peers' interquartile fences [q1 − k·IQR, q3 + k·IQR] (Tukey's fences, IQR = q3 − q1,
 *     quartiles as in peerStats), the peers being the institutions of the same level with a value — the
 *     institution included — or the whole region when that level has fewer than `minPeers`; no flag when the
 *     region too has fewer. Strictly outside: a value on a fence is not flagged. With IQR = 0 every value
 *     different from the quartile is outside.
 * (b) |yoy| strictly above the threshold. Not flagged when last year's value is negative (a balance), where the
 *     sign of a growth rate misleads.
 * Flags come in the order of `institutions` (region rows: row order), peer flag before yoy flag.
 */
export function anomalyFlags(options: AnomalyOptions): AnomalyFlag[] {
  const { rows, indicator } = options;
  const view = options.view ?? "ytd";
  const k = new Decimal(options.k ?? "1.5");
  const threshold = new Decimal(options.yoyThreshold ?? "0.3");
  const thresholdN = threshold.toNumber();
  const minPeers = options.minPeers ?? 4;
  const texts = options.texts ?? true;
  if (rows.length === 0) return [];
  const byCode = rowsByInstitution(rows); // also checks the rows are one period × indicator × scheme
  const name = indicator.nameZh + (view === "month" && (indicator.basis === "FLOW" || indicator.formula !== null) ? "（当月）" : "");

  const yoyFlag = (row: FlagRow, level: string | null): AnomalyFlag | null => {
    // A negative base: the text's sign (as Decimal's isNegative, "-0" included).
    if (row.yoy === null || (row.prevYearYtd !== null && row.prevYearYtd.startsWith("-"))) return null;
    // |yoy| ≤ threshold in doubles where they differ, exactly where they tie (see `order`).
    const size = Math.abs(Number(row.yoy));
    if (size < thresholdN || (size === thresholdN && new Decimal(row.yoy).abs().lte(threshold))) return null;
    const yoy = new Decimal(row.yoy);
    const up = yoy.isPositive();
    const reason = !texts
      ? ""
      : // A % indicator's change is read in percentage points (docs/metrics.md); the rule itself stays relative.
        indicator.unit === "%" && row.yoyDiff != null
        ? `${indicator.nameZh}同比${up ? "提高" : "降低"} ${grouped(new Decimal(row.yoyDiff).abs(), 2)} 个百分点（相对${up ? "增长" : "下降"} ${percentNumber(yoy.abs())}%），超过 ±${shortest(threshold.mul(100))}% 的提示阈值`
        : `${indicator.nameZh}同比${up ? "增长" : "下降"} ${percentNumber(yoy.abs())}%，超过 ±${shortest(threshold.mul(100))}% 的提示阈值`;
    return {
      kind: up ? "YOY_UP" : "YOY_DOWN",
      period: row.period,
      indicatorCode: row.indicatorCode,
      scheme: row.scheme,
      institutionCode: row.institutionCode,
      level,
      view,
      peerGroup: null,
      value: row.ytd,
      limit: null,
      yoy: row.yoy,
      threshold: shortest(threshold),
      reason,
    };
  };

  const regionRows = rows.filter((r) => r.institutionCode === null);
  if (regionRows.length > 0) return regionRows.map((r) => yoyFlag(r, null)).filter((f): f is AnomalyFlag => f !== null);

  const listed = uniqueInstitutions(options.institutions);
  const unsorted: Valued[] = [];
  const valueByCode = new Map<string, Valued>();
  for (const inst of listed) {
    const v = pick(byCode.get(inst.code), view);
    if (v === null) continue;
    const m = valued(inst.code, inst.level, v);
    unsorted.push(m);
    valueByCode.set(inst.code, m);
  }
  const { all, byLevel } = sortedByLevel(unsorted);
  /** A group's quartiles and fences (q1 − k·IQR, q3 + k·IQR), with the fences' doubles for `against`. */
  const fenced = (members: readonly Valued[]) => {
    const q = members.length >= minPeers ? describe(members) : null;
    if (!q) return null;
    const iqr = q.q3.minus(q.q1);
    const upper = q.q3.plus(k.mul(iqr));
    const lower = q.q1.minus(k.mul(iqr));
    return { q, upper, lower, upperN: upper.toNumber(), lowerN: lower.toNumber() };
  };
  const regionQ = fenced(all);
  const levelQ = new Map([...byLevel].map(([level, members]) => [level, fenced(members)]));

  const flags: AnomalyFlag[] = [];
  for (const inst of listed) {
    const row = byCode.get(inst.code);
    if (!row) continue;
    const m = valueByCode.get(inst.code);
    const own = levelQ.get(inst.level) ?? null;
    const f = own ?? regionQ;
    if (m !== undefined && f !== null) {
      const { q, upper, lower } = f;
      const high = against(m, upper, f.upperN) > 0;
      if (high || against(m, lower, f.lowerN) < 0) {
        const value = texts ? new Decimal(m.text) : null;
        const group = own ? "同级机构" : "全区机构";
        const kText = shortest(k);
        const reason =
          value === null
            ? ""
            : high
              ? `${name} ${valueWithUnit(value, indicator.unit)}，高于${group}上四分位 ${valueWithUnit(q.q3, indicator.unit)}加 ${kText} 倍四分位距（上限 ${valueWithUnit(upper, indicator.unit)}）`
              : `${name} ${valueWithUnit(value, indicator.unit)}，低于${group}下四分位 ${valueWithUnit(q.q1, indicator.unit)}减 ${kText} 倍四分位距（下限 ${valueWithUnit(lower, indicator.unit)}）`;
        flags.push({
          kind: high ? "PEER_HIGH" : "PEER_LOW",
          period: row.period,
          indicatorCode: row.indicatorCode,
          scheme: row.scheme,
          institutionCode: inst.code,
          level: inst.level,
          view,
          peerGroup: own ? "LEVEL" : "REGION",
          value: value === null ? null : text6(value),
          limit: value === null ? null : text6(high ? upper : lower),
          yoy: null,
          threshold: null,
          reason,
        });
      }
    }
    const y = yoyFlag(row, inst.level);
    if (y) flags.push(y);
  }
  return flags;
}
