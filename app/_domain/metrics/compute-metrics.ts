import type { IndicatorDef, Scheme } from "../catalogue";
import { parseFormula, referencesOf, type FormulaNode } from "../formula";
import { isPeriod, makePeriod, type Period } from "../periods";
import type { SheetValueRow } from "../sheets/types";
import { add, div, EXACT_ONE, Exact, exactFromInteger, exactLiteral, growthText, mul, neg, parseExact, sub, subtract } from "./exact";

/**
 * The derived-metrics engine of one region (docs/product.md §4 "What the fields mean, so that anyone can recompute
 * them"). Pure: the caller loads the accepted sheet version of each month and the catalogue; this computes, for
 * every indicator of the catalogue (inputs and derived) × every scheme it has × (institution scope) every
 * institution, the fields the metrics API publishes, with the lineage of each number.
 *
 * The rules, per row of period t:
 * - FLOW input: ytd = the reported value; month = ytd(t) − ytd(t−1) within the year (January: month = ytd;
 *   a missing previous month gives null); prevYearYtd = ytd(t−12); yoy = ytd ÷ prevYearYtd − 1;
 *   mom = month(t) ÷ month(t−1) − 1, January comparing with the previous December's month.
 * - STOCK and RATE inputs: ytd = month = the reported (period-end) value; prevYearYtd = the value at t−12;
 *   yoy and mom compare with the value at t−12 and t−1.
 * - Derived indicator: ytd = the formula over its references' ytd values ("ytd" view); month = the formula over
 *   their month values ("month" view; a STOCK or RATE input gives its value to both views); then prevYearYtd =
 *   the derived ytd at t−12, yoy = ytd ÷ prevYearYtd − 1, mom = month ÷ the derived month at t−1 − 1, whatever
 *   the derived indicator's basis. Functions are the formula engine's (PREV_YEAR, YOY, …) reading through
 *   ctx.value in the view being evaluated — except AVG_MONTHLY, whose meaning docs/product.md §4 fixes as
 *   "x's ytd ÷ months elapsed": references inside it read the ytd view in both views (so FB05's month value is
 *   the period-end balance ÷ the year's average monthly spending, not ÷ one month's spending × months).
 * - Not computable → null, never 0, NaN or Infinity: a missing input, a missing earlier period, a zero divisor.
 * - Output decimals are canonical strings rounded half away from zero (四舍五入) to 6 decimal places; yoy and mom
 *   are fractions (0.0523 = +5.23 %) computed from the unrounded values and rounded once.
 *
 * Details a reader of the numbers may need:
 * - A reference to a REGION indicator from an INSTITUTION formula reads the region's value; a reference to an
 *   INSTITUTION indicator from a REGION formula is not aggregated and reads null. A reference to an unknown code,
 *   or to a scheme the referenced indicator does not have, reads null.
 * - Values of derived indicators found in a sheet are ignored: derived values are always computed.
 * - Rows of institutions not in `institutions`, and rows whose value is not a number, are ignored (missing).
 *   When a sheet holds the same cell twice, the later row wins (the validator does not let that happen).
 * - Before the region's first accepted sheet nothing is computed (all null); this also ends formulas that
 *   read their own earlier values (PREV_MONTH(FB03) + …) instead of recursing forever.
 * - A same-period cycle (which checkFormulas rejects) reads null instead of recursing forever.
 * - The result does not depend on which periods are requested: computing one month alone gives exactly the
 *   rows of that month in a full recompute.
 *
 * Lineage: `formula` is the indicator's formula text (null for inputs); `inputs` lists every value the row's
 * five fields were computed from, deduplicated, in first-use order (ytd, month, prevYearYtd, mom):
 * - for an input indicator, its reported values (view "ytd") at t, t−1, t−12 and, for a FLOW, t−2 (the months
 *   that month and mom need);
 * - for a derived indicator, each reference its formula read, with the view it was read in and the period,
 *   then, for a derived reference, that reference's own inputs transitively (its entry has versionId null), and
 *   for a FLOW input read in the "month" view (outside January), the two reported values the month came from.
 * Each input entry carries the versionId of the accepted sheet of its period (null when that month has none or
 * the value is a derived intermediate) and its value as used, rounded like the output. Missing values are
 * listed too (value null), so the card shows why a number is "—". Entry objects are shared between rows: treat
 * them as read-only.
 */

/** The view a lineage entry was read in. */
export type MetricView = "ytd" | "month";
/** The views a formula is evaluated in: the quarter view is not recorded in lineage. */
type EvalView = MetricView | "quarter";

export interface LineageInput {
  readonly code: string;
  readonly scheme: Scheme;
  readonly institutionCode: string | null;
  readonly period: Period;
  readonly view: MetricView;
  readonly value: string | null;
  readonly versionId: string | null;
}

export interface MetricLineage {
  formula: string | null;
  inputs: readonly LineageInput[];
}

/** A row's numbers without its lineage: what is stored (lineage is recomputed for one value on demand). */
export interface MetricValues {
  period: Period;
  indicatorCode: string;
  scheme: Scheme;
  /** null for a region-level indicator. */
  institutionCode: string | null;
  ytd: string | null;
  month: string | null;
  prevYearYtd: string | null;
  /** Fractions: 0.0523 = +5.23 %. */
  yoy: string | null;
  mom: string | null;
  /** Differences in the indicator's own unit (percentage points for a %-unit indicator): ytd − prevYearYtd. */
  yoyDiff: string | null;
  /** month − the previous month's month. */
  momDiff: string | null;
  /** Quarter fields: only in a quarter's last month (March, June, September, December), else null. */
  quarter: string | null;
  prevYearQuarter: string | null;
  /** quarter ÷ prevYearQuarter − 1, a fraction. */
  quarterYoy: string | null;
  /** quarter ÷ the previous quarter's value − 1, a fraction (Q1 compares with the previous year's Q4). */
  qoq: string | null;
  /** quarter − prevYearQuarter, in the indicator's unit. */
  quarterYoyDiff: string | null;
  /** quarter − the previous quarter's value, in the indicator's unit. */
  qoqDiff: string | null;
}

/** Every value field of a row, in storage order (docs/metrics.md defines each). */
export const METRIC_FIELDS = [
  "ytd",
  "month",
  "prevYearYtd",
  "yoy",
  "mom",
  "yoyDiff",
  "momDiff",
  "quarter",
  "prevYearQuarter",
  "quarterYoy",
  "qoq",
  "quarterYoyDiff",
  "qoqDiff",
] as const satisfies readonly (keyof MetricValues)[];
export type MetricField = (typeof METRIC_FIELDS)[number];

export interface MetricRow extends MetricValues {
  lineage: MetricLineage;
}

export interface AcceptedSheet {
  versionId: string;
  rows: readonly SheetValueRow[];
}

export interface RegionMetricsInput {
  catalogue: readonly IndicatorDef[];
  institutions: readonly { code: string; level: string }[];
  /** The accepted sheet version of each month that has one. */
  accepted: ReadonlyMap<Period, AcceptedSheet>;
  /** The months to compute (one, or all); duplicates are computed once; output follows this order. */
  periods: readonly Period[];
  /**
   * The region's first accepted month, when `accepted` holds only the months a computation reads (see
   * monthsRead): before it nothing is computed. Default: the earliest month in `accepted`.
   */
  since?: Period;
}

/**
 * The values of one indicator × scheme in one month, as parallel columns: one element for a region-level
 * indicator, one per institution (in RegionMetricSets.institutionCodes order) for an institution indicator. What
 * storage writes: no object per value.
 */
export type MetricSetValues = {
  period: Period;
  indicatorCode: string;
  scheme: Scheme;
  perInstitution: boolean;
} & Record<MetricField, (string | null)[]>;

export interface RegionMetricSets {
  /** The institutions of every institution set, in order (the input's codes, deduplicated). */
  institutionCodes: readonly string[];
  /** Ordered by period (as given), then indicator (catalogue order), then scheme (the indicator's order). */
  sets: MetricSetValues[];
}

/**
 * Every indicator × scheme × (institution) row for each requested period, in the order: period (as given),
 * indicator (catalogue order), scheme (the indicator's order), institution (the given order).
 *
 * Work is done one institution at a time (its values memoised while it is computed, then dropped), so memory
 * holds the result and one institution's intermediates, and a value is never computed twice.
 */
export function computeRegionMetrics(input: RegionMetricsInput): MetricRow[] {
  const lineages: MetricLineage[][] = [];
  const computed = computeSets(input, lineages);
  return rowsOf(computed, lineages) as MetricRow[];
}

/**
 * The same rows without lineage — what recomputation stores. Several times faster and lighter at the size of a
 * large region; the numbers are identical (tested).
 */
export function computeRegionValues(input: RegionMetricsInput): MetricValues[] {
  return rowsOf(computeSets(input, null));
}

/** The same values as sets of columns (computeRegionValues's rows, grouped): what storage writes. */
export function computeRegionSets(input: RegionMetricsInput): RegionMetricSets {
  return computeSets(input, null);
}

function rowsOf({ institutionCodes, sets }: RegionMetricSets, lineages?: MetricLineage[][]): MetricValues[] {
  const out: MetricValues[] = [];
  sets.forEach((set, i) => {
    for (let j = 0; j < set.ytd.length; j++) {
      const values = { period: set.period, indicatorCode: set.indicatorCode, scheme: set.scheme, institutionCode: set.perInstitution ? institutionCodes[j]! : null } as MetricValues;
      for (const f of METRIC_FIELDS) values[f] = set[f][j]!;
      if (!lineages) out.push(values);
      else {
        const row: MetricRow = { ...values, lineage: lineages[i]![j]! };
        out.push(row);
      }
    }
  });
  return out;
}

/** `lineages`, when given, receives each set's lineage column (same index as the set). */
function computeSets(input: RegionMetricsInput, lineages: MetricLineage[][] | null): RegionMetricSets {
  const periods = new Set<Period>();
  for (const period of input.periods) {
    if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
    periods.add(period);
  }
  const times = [...periods].map(monthIndex);
  const engine = new RegionEngine(input, lineages !== null);
  const { pairs, regionPairs, institutionPairs, institutionCodes } = engine;

  // Sets: period-major, then the pairs in catalogue order.
  const sets: MetricSetValues[] = [];
  const column = (n: number) => new Array<string | null>(n).fill(null);
  for (const t of times)
    for (const pair of pairs) {
      const n = pair.d.institution ? institutionCodes.length : 1;
      const set = { period: periodAt(t), indicatorCode: pair.d.def.code, scheme: pair.scheme, perInstitution: pair.d.institution } as MetricSetValues;
      for (const f of METRIC_FIELDS) set[f] = column(n);
      sets.push(set);
      lineages?.push(new Array<MetricLineage>(n));
    }
  const at = new Map(pairs.map((pair, k) => [pair, k]));
  const fill = (scope: Scope, scopePairs: readonly Pair[], j: number) => {
    for (const pair of scopePairs) {
      const s = scope.series[pair.slot]!;
      for (let p = 0, k = at.get(pair)!; p < times.length; p++, k += pairs.length) engine.fill(sets[k]!, j, s, times[p]!, lineages?.[k]);
    }
  };
  fill(engine.regionScope, regionPairs, 0);
  for (let j = 0; j < institutionCodes.length; j++) fill(engine.institutionScope(institutionCodes[j]!), institutionPairs, j);
  return { institutionCodes, sets };
}

/**
 * The months, as offsets ≤ 0 from a month t, whose accepted sheets the rows of t read under this catalogue
 * (the engine's rules above applied to each formula's references), or null when a formula reads its own
 * earlier values (then every earlier month matters). With scope "INSTITUTION", only the months whose
 * institution values are read (the others need the region's values alone). A loader that fetches exactly these
 * computes the same rows as one that fetches the whole history: the recompute on acceptance relies on it.
 * `quarterEnd` false: for a month t that ends no quarter (no quarter fields, so fewer months read).
 */
export function monthsRead(catalogue: readonly IndicatorDef[], scope: "ALL" | "INSTITUTION" = "ALL", quarterEnd = true): number[] | null {
  const defs = new Map<string, IndicatorDef>();
  for (const d of catalogue) if (!defs.has(d.code)) defs.set(d.code, d);
  /** A raw read: "I:−12" = institution values 12 months back, "R:0" = the region's values this month. */
  type Reads = Set<string>;
  const key = (institution: boolean, m: number) => `${institution ? "I" : "R"}:${m}`;
  const shift = (read: string, by: number) => key(read[0] === "I", Number(read.slice(2)) + by);
  const memo = new Map<string, Reads | null>();
  const visiting = new Set<string>();
  // The raw reads of one view of one indicator at offset 0.
  const reads = (code: string, view: EvalView): Reads | null => {
    const memoKey = `${code}|${view}`;
    if (memo.has(memoKey)) return memo.get(memoKey)!;
    const d = defs.get(code);
    if (!d) return new Set();
    if (visiting.has(memoKey)) return null;
    visiting.add(memoKey);
    let out: Reads | null = new Set<string>();
    if (d.formula === null) {
      out.add(key(d.scope === "INSTITUTION", 0));
      if (view === "month" && d.basis === "FLOW") out.add(key(d.scope === "INSTITUTION", -1));
      if (view === "quarter" && d.basis === "FLOW") out.add(key(d.scope === "INSTITUTION", -3));
    } else {
      const parsed = parseFormula(d.formula);
      if (parsed.ok) {
        const tree = view === "ytd" ? parsed.ast : monthViewTree(parsed.ast);
        for (const ref of referencesOf(tree)) {
          const inner = ref.code.startsWith(YTD_MARK) ? reads(ref.code.slice(YTD_MARK.length), "ytd") : reads(ref.code, view);
          if (inner === null) {
            out = null;
            break;
          }
          for (const o of ref.offsets) for (const r of inner) out.add(shift(r, o.years * 12 + o.months));
        }
      }
    }
    visiting.delete(memoKey);
    memo.set(memoKey, out);
    return out;
  };
  const all = new Set<string>();
  for (const [code, d] of defs) {
    const ytd = reads(code, "ytd");
    const month = reads(code, "month");
    const quarter = reads(code, "quarter");
    if (ytd === null || month === null || quarter === null) return null;
    // A row reads ytd(t), month(t), ytd(t−12), month(t−1), quarter(t), quarter(t−3) and quarter(t−12); an
    // input's lineage also lists t−1, t−2, t−12.
    for (const r of ytd) all.add(r).add(shift(r, -12));
    for (const r of month) all.add(r).add(shift(r, -1));
    if (quarterEnd) for (const r of quarter) all.add(r).add(shift(r, -3)).add(shift(r, -12));
    if (d.formula === null) for (const m of [-1, -2, -12]) all.add(key(d.scope === "INSTITUTION", m));
  }
  const months = new Set([...all].filter((r) => scope === "ALL" || r[0] === "I").map((r) => Number(r.slice(2))));
  return [...months].sort((a, b) => b - a);
}

// ── formula evaluation ─────────────────────────────────────────────────────────────────────────────────

/** Reads an input at month index t (year × 12 + month − 1); null when missing. */
export type Reader = (code: string, scheme: Scheme, t: number) => Exact | null;

const text = (x: Exact | null): string | null => (x === null ? null : x.text6());
/** a − b rounded like every output (exactly: sub keeps a quotient's exact value for the rounding). */
const difference = (a: Exact | null, b: Exact | null): string | null => (a === null || b === null ? null : sub(a, b).text6());

const HUNDRED = exactFromInteger(100);
const THOUSAND = exactFromInteger(1000);
const TWELVE = exactFromInteger(12);

const quotient = (a: Exact | null, b: Exact | null): Exact | null => (a === null || b === null ? null : div(a, b));
const times = (a: Exact | null, b: Exact): Exact | null => (a === null ? null : mul(a, b));
const growth = (current: Exact | null, previous: Exact | null): Exact | null => {
  const r = quotient(current, previous);
  return r === null ? null : sub(r, EXACT_ONE);
};
/** Months elapsed in the year of month index t (January = 1). */
const monthOf = (t: number): Exact => exactFromInteger((t % 12) + 1);

/**
 * The formula language of app/_domain/formula/evaluate.ts — same functions, same order of reading, same
 * results (decimal.js at 40 significant digits, ROUND_HALF_UP) — on the engine's exact integers and month
 * indexes instead of decimal.js and period strings: the metrics engine evaluates hundreds of thousands of
 * formulas per month of a large region. test/unit/metrics-evaluate-parity.test.ts and the golden metrics tests
 * hold the two to the same numbers. This compiles the formula for one evaluation; the engine compiles each
 * formula once (compileFormula) and reuses it.
 */
export function evaluateExact(n: FormulaNode, at: number, scheme: Scheme, read: Reader): Exact | null {
  return compileFormula<null>(n, scheme, (code, refScheme) => (_, t) => read(code, refScheme, t))(null, at);
}

/** A formula compiled for one scheme: its value at month index t, reading references through a context. */
type Compiled<C> = (ctx: C, t: number) => Exact | null;

/**
 * Compiles a formula into closures once, so that evaluating it for 5,000 institutions × several months walks
 * no tree and resolves no reference again. `ref` compiles a reference (with its scheme, or the formula's).
 * Every argument is evaluated, left to right, before a null stops the result: a lineage lists all of them.
 */
function compileFormula<C>(n: FormulaNode, scheme: Scheme, ref: (code: string, scheme: Scheme) => Compiled<C>): Compiled<C> {
  const inner = (node: FormulaNode) => compileFormula(node, scheme, ref);
  switch (n.kind) {
    case "number": {
      const v = exactLiteral(n.value);
      return () => v;
    }
    case "ref":
      return ref(n.code, n.scheme ?? scheme);
    case "neg": {
      const f = inner(n.operand);
      return (c, t) => {
        const v = f(c, t);
        return v === null ? null : neg(v);
      };
    }
    case "binary": {
      const a = inner(n.left);
      const b = inner(n.right);
      const op = n.op === "+" ? add : n.op === "-" ? sub : n.op === "*" ? mul : null;
      if (op === null) return (c, t) => quotient(a(c, t), b(c, t));
      return (c, t) => {
        const x = a(c, t);
        const y = b(c, t);
        return x === null || y === null ? null : op(x, y);
      };
    }
    case "call": {
      const args = n.args.map(inner);
      const [x, y] = args;
      switch (n.name) {
        case "SUM":
          return (c, t) => {
            const values = args.map((f) => f(c, t));
            if (values.some((v) => v === null)) return null;
            let total = exactFromInteger(0);
            for (const v of values) total = add(total, v!);
            return total;
          };
        case "RATIO":
          return (c, t) => quotient(x!(c, t), y!(c, t));
        case "PCT":
          return (c, t) => times(quotient(x!(c, t), y!(c, t)), HUNDRED);
        case "PER_1000":
          return (c, t) => times(quotient(x!(c, t), y!(c, t)), THOUSAND);
        case "PREV_YEAR":
          return (c, t) => x!(c, t - 12);
        case "PREV_MONTH":
          return (c, t) => x!(c, t - 1);
        case "YOY":
          return (c, t) => growth(x!(c, t), x!(c, t - 12));
        case "MOM":
          return (c, t) => growth(x!(c, t), x!(c, t - 1));
        case "AVG_MONTHLY":
          return (c, t) => quotient(x!(c, t), monthOf(t));
        case "MONTHS_ELAPSED":
          return (_, t) => monthOf(t);
        case "TIME_PROGRESS":
          return (_, t) => div(monthOf(t), TWELVE);
      }
    }
  }
}

// ── internals ────────────────────────────────────────────────────────────────────────────────────────────

/** Months since year 0: y × 12 + (m − 1). January ⇔ index % 12 === 0. */
const monthIndex = (p: Period): number => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
const isJanuary = (t: number) => t % 12 === 0;

const PERIODS = new Map<number, Period>();
function periodAt(t: number): Period {
  let p = PERIODS.get(t);
  if (p === undefined) PERIODS.set(t, (p = makePeriod(Math.floor(t / 12), (t % 12) + 1)));
  return p;
}

/** Marks a reference inside AVG_MONTHLY in the month-view tree; real codes are upper case, so it cannot clash. */
const YTD_MARK = "ytd:";

/** The tree evaluated in the month view: references inside AVG_MONTHLY(…) read the ytd view (see above). */
function monthViewTree(node: FormulaNode, inAvg = false): FormulaNode {
  switch (node.kind) {
    case "number":
      return node;
    case "ref":
      return inAvg ? { ...node, code: YTD_MARK + node.code } : node;
    case "neg":
      return { ...node, operand: monthViewTree(node.operand, inAvg) };
    case "binary":
      return { ...node, left: monthViewTree(node.left, inAvg), right: monthViewTree(node.right, inAvg) };
    case "call": {
      const inner = inAvg || node.name === "AVG_MONTHLY";
      return { ...node, args: node.args.map((a) => monthViewTree(a, inner)) };
    }
  }
}

interface Def {
  def: IndicatorDef;
  derived: boolean;
  flow: boolean;
  institution: boolean;
  /** scheme → slot of the (indicator, scheme) pair within its scope. */
  slots: Map<Scheme, number>;
  /** null for an input, or a formula that does not parse (then every value is null). */
  ytdTree: FormulaNode | null;
  monthTree: FormulaNode | null;
}

/** One (indicator, scheme): a row of the region, or a row per institution. */
interface Pair {
  d: Def;
  scheme: Scheme;
  slot: number;
  /** A derived pair's formula in each view, compiled for its scheme (null for an input or a bad formula). */
  ytdFormula: Compiled<Evaluation> | null;
  monthFormula: Compiled<Evaluation> | null;
  quarterFormula: Compiled<Evaluation> | null;
}

/** What a formula being evaluated reads through: its scope, and the lineage list it records into (or null). */
interface Evaluation {
  scope: Scope;
  read: LineageInput[] | null;
}

/** A derived value being evaluated: a same-period cycle (which checkFormulas rejects) reads it as null. */
const BUSY = Symbol("busy");
/** A computed value of a series (undefined: not computed yet). */
type Slot = Exact | null | typeof BUSY | undefined;

const EMPTY: readonly LineageInput[] = Object.freeze([]);

/** Appends unless already there: lineage lists are short (a formula's few inputs), so a scan beats a Set. */
function addOnce(list: LineageInput[], e: LineageInput): void {
  if (!list.includes(e)) list.push(e);
}

/** The lineage of one series at one month (recorded only when lineage is asked for). */
class LineageCell {
  ytdEntry: LineageInput | null = null;
  monthEntry: LineageInput | null = null;
  /** Derived cells: what the formula read, transitively (see the lineage rules above). */
  ytdDeps: readonly LineageInput[] = EMPTY;
  monthDeps: readonly LineageInput[] = EMPTY;
}

/** The values of one (indicator, scheme) in one scope. */
class Series {
  /** Values by month index − the first accepted month (months before it are all null and not stored). */
  readonly ytdAt: Slot[] = [];
  readonly monthAt: Slot[] = [];
  readonly quarterAt: Slot[] = [];
  /** By month index, when lineage is recorded. */
  lineage: Map<number, LineageCell> | undefined;
  readonly d: Def;
  readonly scheme: Scheme;
  readonly slot: number;
  constructor(
    readonly pair: Pair,
    readonly scope: Scope,
  ) {
    this.d = pair.d;
    this.scheme = pair.scheme;
    this.slot = pair.slot;
  }
}

/** The region, or one institution: its series by slot, and its reported values. */
class Scope {
  readonly series: Series[];
  constructor(
    readonly institutionCode: string | null,
    pairs: readonly Pair[],
    /** Reported text by slot × months + (t − first month); undefined where the sheet has no such row. */
    readonly raw: (string | null | undefined)[],
  ) {
    this.series = pairs.map((p) => new Series(p, this));
  }
}

class RegionEngine {
  readonly defs = new Map<string, Def>();
  readonly pairs: Pair[] = [];
  readonly regionPairs: Pair[] = [];
  readonly institutionPairs: Pair[] = [];
  readonly institutionCodes: string[];
  readonly regionScope: Scope;
  /** Reported values per institution code, filled a month at a time as months are first needed. */
  private readonly raws = new Map<string, (string | null | undefined)[]>();
  private readonly regionRaw: (string | null | undefined)[];
  private readonly sheets: (AcceptedSheet | undefined)[];
  private readonly indexed: boolean[];
  /** The month index of the first accepted sheet; months = how many months up to the last one. */
  private readonly first: number;
  private readonly months: number;
  private readonly adHoc = new Map<string, LineageInput>();

  constructor(
    input: RegionMetricsInput,
    /** false: compute the numbers only (no lineage entries are built). */
    private readonly lineage: boolean,
  ) {
    for (const def of input.catalogue) {
      if (this.defs.has(def.code)) continue;
      let ytdTree: FormulaNode | null = null;
      if (def.formula !== null) {
        const parsed = parseFormula(def.formula);
        if (parsed.ok) ytdTree = parsed.ast;
      }
      const d: Def = {
        def,
        derived: def.formula !== null,
        flow: def.basis === "FLOW",
        institution: def.scope === "INSTITUTION",
        slots: new Map(),
        ytdTree,
        monthTree: ytdTree && monthViewTree(ytdTree),
      };
      this.defs.set(def.code, d);
      const list = d.institution ? this.institutionPairs : this.regionPairs;
      for (const scheme of new Set(def.schemes)) {
        const pair: Pair = { d, scheme, slot: list.length, ytdFormula: null, monthFormula: null, quarterFormula: null };
        d.slots.set(scheme, pair.slot);
        list.push(pair);
        this.pairs.push(pair);
      }
    }
    for (const pair of this.pairs) {
      if (pair.d.ytdTree) pair.ytdFormula = compileFormula(pair.d.ytdTree, pair.scheme, this.compileReference("ytd"));
      if (pair.d.monthTree) pair.monthFormula = compileFormula(pair.d.monthTree, pair.scheme, this.compileReference("month"));
      // The quarter view reads like the month view (AVG_MONTHLY's references read ytd), in quarter values.
      if (pair.d.monthTree) pair.quarterFormula = compileFormula(pair.d.monthTree, pair.scheme, this.compileReference("quarter"));
    }
    this.institutionCodes = [...new Set(input.institutions.map((i) => i.code))];

    let first = input.since === undefined ? Infinity : monthIndex(input.since);
    let last = -Infinity;
    for (const period of input.accepted.keys()) {
      if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
      first = Math.min(first, monthIndex(period));
      last = Math.max(last, monthIndex(period));
    }
    this.first = first;
    this.months = last === -Infinity ? 0 : last - first + 1;
    this.sheets = new Array(this.months);
    this.indexed = new Array(this.months).fill(false);
    for (const [period, sheet] of input.accepted) this.sheets[monthIndex(period) - first] = sheet;

    const size = (pairs: Pair[]) => pairs.length * this.months;
    this.regionRaw = new Array(size(this.regionPairs));
    for (const code of this.institutionCodes) this.raws.set(code, new Array(size(this.institutionPairs)));
    this.regionScope = new Scope(null, this.regionPairs, this.regionRaw);
  }

  institutionScope(code: string): Scope {
    return new Scope(code, this.institutionPairs, this.raws.get(code)!);
  }

  /**
   * A reference of a formula evaluated in `view`, resolved once: to the region's series, to the evaluating
   * institution's series, or to nothing (an unknown code or scheme, or an institution indicator read from the
   * region), which reads null and is listed as missing in the lineage. Inside AVG_MONTHLY it reads the ytd view.
   */
  private compileReference(view: EvalView) {
    return (code: string, scheme: Scheme): Compiled<Evaluation> => {
      let v = view;
      if (code.startsWith(YTD_MARK)) {
        code = code.slice(YTD_MARK.length);
        v = "ytd";
      }
      const missing = (e: Evaluation, t: number) => {
        if (e.read && v !== "quarter") addOnce(e.read, this.missingEntry(code, scheme, e.scope.institutionCode, t, v));
        return null;
      };
      const d = this.defs.get(code);
      const slot = d?.slots.get(scheme);
      if (d === undefined || slot === undefined) return missing;
      const read = (e: Evaluation, target: Series, t: number) => {
        if (v === "quarter") return this.quarter(target, t);
        const x = v === "ytd" ? this.ytd(target, t) : this.month(target, t);
        if (e.read) this.addClosure(e.read, target, t, v);
        return x;
      };
      if (!d.institution) return (e, t) => read(e, this.regionScope.series[slot]!, t);
      return (e, t) => (e.scope.institutionCode === null ? missing(e, t) : read(e, e.scope.series[slot]!, t));
    };
  }

  /** Loads one month's accepted sheet into the reported values, the first time that month is needed. */
  private index(k: number): void {
    this.indexed[k] = true;
    const sheet = this.sheets[k];
    if (!sheet) return;
    for (const row of sheet.rows) {
      const d = this.defs.get(row.indicatorCode);
      const slot = d?.slots.get(row.scheme);
      if (d === undefined || slot === undefined || d.derived) continue;
      const raw = d.institution ? (row.institutionCode === null ? undefined : this.raws.get(row.institutionCode)) : row.institutionCode === null ? this.regionRaw : undefined;
      if (raw) raw[slot * this.months + k] = row.value;
    }
  }

  /** The reported text at k = month index − first (k ≥ 0). */
  private reported(s: Series, k: number): string | null {
    if (k >= this.months) return null;
    if (!this.indexed[k]) this.index(k);
    return s.scope.raw[s.slot * this.months + k] ?? null;
  }

  private lineageCell(s: Series, t: number): LineageCell {
    s.lineage ??= new Map();
    let c = s.lineage.get(t);
    if (c === undefined) s.lineage.set(t, (c = new LineageCell()));
    return c;
  }

  private versionAt(t: number): string | null {
    const k = t - this.first;
    return k >= 0 && k < this.months ? (this.sheets[k]?.versionId ?? null) : null;
  }

  // ── values ──

  ytd(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0) return null; // nothing is computed before the first accepted month
    const v = s.ytdAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "ytd");
    return (s.ytdAt[k] = parseExact(this.reported(s, k)));
  }

  month(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0) return null;
    const v = s.monthAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "month");
    const ytd = this.ytd(s, t);
    if (!s.d.flow || isJanuary(t) || ytd === null) return (s.monthAt[k] = ytd);
    const before = this.ytd(s, t - 1);
    return (s.monthAt[k] = before === null ? null : subtract(ytd, before));
  }

  /**
   * The value of the quarter ending at month t (null unless t is March, June, September or December): a FLOW
   * input's ytd(t) − ytd(t − 3) (Q1: ytd), a STOCK or RATE input's value at t, a derived indicator's formula
   * over its references' quarter values.
   */
  quarter(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0 || t % 3 !== 2) return null;
    const v = s.quarterAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "quarter");
    const ytd = this.ytd(s, t);
    if (!s.d.flow || t % 12 === 2 || ytd === null) return (s.quarterAt[k] = ytd);
    const before = this.ytd(s, t - 3);
    return (s.quarterAt[k] = before === null ? null : subtract(ytd, before));
  }

  private valueOf(s: Series, t: number, view: MetricView): Exact | null {
    return view === "ytd" ? this.ytd(s, t) : this.month(s, t);
  }

  /** Evaluates a derived cell in one view with the formula engine, recording what it read for the lineage. */
  private evaluate(s: Series, at: number, k: number, view: EvalView): Exact | null {
    const values = view === "ytd" ? s.ytdAt : view === "month" ? s.monthAt : s.quarterAt;
    const formula = view === "ytd" ? s.pair.ytdFormula : view === "month" ? s.pair.monthFormula : s.pair.quarterFormula;
    let value: Exact | null = null;
    let deps: readonly LineageInput[] = EMPTY;
    if (formula !== null) {
      values[k] = BUSY;
      const read: LineageInput[] | null = this.lineage && view !== "quarter" ? [] : null;
      value = formula({ scope: s.scope, read }, at);
      deps = read ?? EMPTY;
    }
    values[k] = value;
    if (this.lineage && view !== "quarter") {
      const c = this.lineageCell(s, at);
      if (view === "ytd") c.ytdDeps = deps;
      else c.monthDeps = deps;
    }
    return value;
  }

  // ── lineage ──

  private entry(s: Series, t: number, view: MetricView): LineageInput {
    const c = this.lineageCell(s, t);
    const memo = view === "ytd" ? c.ytdEntry : c.monthEntry;
    if (memo) return memo;
    const value = this.valueOf(s, t, view);
    const e: LineageInput = {
      code: s.d.def.code,
      scheme: s.scheme,
      institutionCode: s.scope.institutionCode,
      period: periodAt(t),
      view,
      value: value === null ? null : value.text6(),
      versionId: s.d.derived ? null : this.versionAt(t),
    };
    // Only a finished value is remembered (a cell can be read while a same-period cycle is still evaluating it).
    if ((view === "ytd" ? s.ytdAt : s.monthAt)[t - this.first] !== BUSY) {
      if (view === "ytd") c.ytdEntry = e;
      else c.monthEntry = e;
    }
    return e;
  }

  /** A reference that resolves to no series: listed (value null) so the card shows what was missing. */
  private missingEntry(code: string, scheme: Scheme, institutionCode: string | null, t: number, view: MetricView): LineageInput {
    const d = this.defs.get(code);
    const inst = d && !d.institution ? null : institutionCode;
    const key = `${code}|${scheme}|${inst ?? ""}|${t}|${view}`;
    let e = this.adHoc.get(key);
    if (!e) this.adHoc.set(key, (e = { code, scheme, institutionCode: inst, period: periodAt(t), view, value: null, versionId: null }));
    return e;
  }

  /** A value read by a formula, and what it was computed from. */
  private addClosure(into: LineageInput[], s: Series, t: number, view: MetricView): void {
    addOnce(into, this.entry(s, t, view));
    if (s.d.derived) {
      const c = this.lineageCell(s, t);
      for (const e of view === "ytd" ? c.ytdDeps : c.monthDeps) addOnce(into, e);
    } else if (view === "month" && s.d.flow && !isJanuary(t)) {
      addOnce(into, this.entry(s, t, "ytd"));
      addOnce(into, this.entry(s, t - 1, "ytd"));
    }
  }

  private inputLineage(s: Series, t: number): LineageInput[] {
    // ytd: t; month: t−1 (FLOW outside January); prevYearYtd: t−12; mom: t−1, and t−2 for a FLOW whose
    // previous month is not January.
    const out = [this.entry(s, t, "ytd")];
    if (s.d.flow && !isJanuary(t)) out.push(this.entry(s, t - 1, "ytd"));
    out.push(this.entry(s, t - 12, "ytd"));
    if (!s.d.flow || isJanuary(t)) out.push(this.entry(s, t - 1, "ytd"));
    if (s.d.flow && !isJanuary(t - 1)) out.push(this.entry(s, t - 2, "ytd"));
    return out;
  }

  private derivedLineage(s: Series, t: number): LineageInput[] {
    const now = this.lineageCell(s, t);
    const all = now.ytdDeps.slice();
    for (const deps of [now.monthDeps, this.lineageCell(s, t - 12).ytdDeps, this.lineageCell(s, t - 1).monthDeps]) for (const e of deps) addOnce(all, e);
    return all;
  }

  // ── rows ──

  /**
   * Writes the fields of series s at month t into element j of the set (and its lineage, if asked). The
   * indicator's frequency decides which exist (docs/metrics.md): a quarterly indicator has no month fields, a
   * yearly one neither month nor quarter fields; year-to-date fields exist wherever they are computable (a
   * quarterly or yearly input is only reported in the months that end its period).
   */
  fill(set: MetricSetValues, j: number, s: Series, t: number, lineage: MetricLineage[] | undefined): void {
    const frequency = s.d.def.frequency;
    const ytd = this.ytd(s, t);
    const prevYearYtd = this.ytd(s, t - 12);
    set.ytd[j] = text(ytd);
    set.prevYearYtd[j] = text(prevYearYtd);
    set.yoy[j] = growthText(ytd, prevYearYtd);
    set.yoyDiff[j] = difference(ytd, prevYearYtd);
    if (frequency === "MONTHLY") {
      const month = this.month(s, t);
      const prevMonth = this.month(s, t - 1);
      set.month[j] = text(month);
      set.mom[j] = growthText(month, prevMonth);
      set.momDiff[j] = difference(month, prevMonth);
    }
    if (frequency !== "YEARLY" && t % 3 === 2) {
      const quarter = this.quarter(s, t);
      const prevYearQuarter = this.quarter(s, t - 12);
      const prevQuarter = this.quarter(s, t - 3);
      set.quarter[j] = text(quarter);
      set.prevYearQuarter[j] = text(prevYearQuarter);
      set.quarterYoy[j] = growthText(quarter, prevYearQuarter);
      set.quarterYoyDiff[j] = difference(quarter, prevYearQuarter);
      set.qoq[j] = growthText(quarter, prevQuarter);
      set.qoqDiff[j] = difference(quarter, prevQuarter);
    }
    if (lineage) lineage[j] = { formula: s.d.def.formula, inputs: s.d.derived ? this.derivedLineage(s, t) : this.inputLineage(s, t) };
  }
}
