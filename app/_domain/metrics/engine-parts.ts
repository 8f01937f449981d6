import type { IndicatorDef, Scheme } from "../catalogue";
import type { FormulaNode } from "../formula";
import { makePeriod, type Period } from "../periods";
import type { Compiled } from "./compile-formula";
import type { Exact } from "./exact";
import type { LineageInput } from "./metric-types";

/** The metrics engine's data structures: month indexes, catalogue entries, series and scopes (region-engine.ts). */

/** Months since year 0: y × 12 + (m − 1). January ⇔ index % 12 === 0. */
export const monthIndex = (p: Period): number => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
export const isJanuary = (t: number) => t % 12 === 0;

const PERIODS = new Map<number, Period>();
export function periodAt(t: number): Period {
  let p = PERIODS.get(t);
  if (p === undefined) PERIODS.set(t, (p = makePeriod(Math.floor(t / 12), (t % 12) + 1)));
  return p;
}

export interface Def {
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
export interface Pair {
  d: Def;
  scheme: Scheme;
  slot: number;
  /** An input pair's index among its scope's input pairs (where its reported values are kept); −1 if derived. */
  input: number;
  /** A derived pair's formula in each view, compiled for its scheme (null for an input or a bad formula). */
  ytdFormula: Compiled<Evaluation> | null;
  monthFormula: Compiled<Evaluation> | null;
  quarterFormula: Compiled<Evaluation> | null;
}

/** What a formula being evaluated reads through: its scope, and the lineage list it records into (or null). */
export interface Evaluation {
  scope: Scope;
  read: LineageInput[] | null;
}

/** A derived value being evaluated: a same-period cycle (which checkFormulas rejects) reads it as null. */
export const BUSY = Symbol("busy");
/** A computed value of a series (undefined: not computed yet). */
export type Slot = Exact | null | typeof BUSY | undefined;

export const EMPTY: readonly LineageInput[] = Object.freeze([]);

/** Appends unless already there: lineage lists are short (a formula's few inputs), so a scan beats a Set. */
export function addOnce(list: LineageInput[], e: LineageInput): void {
  if (!list.includes(e)) list.push(e);
}

/** The lineage of one series at one month (recorded only when lineage is asked for). */
export class LineageCell {
  ytdEntry: LineageInput | null = null;
  monthEntry: LineageInput | null = null;
  /** Derived cells: what the formula read, transitively (see the lineage rules above). */
  ytdDeps: readonly LineageInput[] = EMPTY;
  monthDeps: readonly LineageInput[] = EMPTY;
}

/** The values of one (indicator, scheme) in one scope. */
export class Series {
  /** Values by month index − the first accepted month (months before it are all null and not stored). */
  readonly ytdAt: Slot[];
  readonly monthAt: Slot[];
  readonly quarterAt: Slot[];
  /** By month index, when lineage is recorded. */
  lineage: Map<number, LineageCell> | undefined;
  readonly d: Def;
  readonly scheme: Scheme;
  readonly slot: number;
  constructor(
    readonly pair: Pair,
    readonly scope: Scope,
    months: number,
  ) {
    this.d = pair.d;
    this.scheme = pair.scheme;
    this.slot = pair.slot;
    // Sized once: arrays grown from empty by a late month first were most of the engine's allocations.
    this.ytdAt = new Array<Slot>(months);
    this.monthAt = new Array<Slot>(months);
    this.quarterAt = new Array<Slot>(months);
  }

  /** Forgets every computed value. */
  clear(): void {
    this.ytdAt.fill(undefined);
    this.monthAt.fill(undefined);
    this.quarterAt.fill(undefined);
    this.lineage = undefined;
  }
}

/**
 * The region, or an institution: its series by slot, and its reported values. The engine reuses one scope for
 * every institution in turn (reset), so that an institution's intermediate values allocate nothing new.
 */
export class Scope {
  readonly series: Series[];
  /** An evaluation in this scope that records no lineage: one object for all of them (see Source in exact.ts). */
  readonly unrecorded: Evaluation = { scope: this, read: null };
  constructor(
    public institutionCode: string | null,
    pairs: readonly Pair[],
    /**
     * Reported text by input pair (Pair.input) × months with a sheet + the month's column; undefined where the sheet
     * has no such row.
     */
    public raw: (string | null | undefined)[],
    /** How many months the series hold (month index − the first accepted month). */
    months: number,
  ) {
    this.series = pairs.map((p) => new Series(p, this, months));
  }

  /** The same series for another institution, every computed value forgotten. */
  reset(institutionCode: string, raw: (string | null | undefined)[]): this {
    this.institutionCode = institutionCode;
    this.raw = raw;
    for (const s of this.series) s.clear();
    return this;
  }
}
