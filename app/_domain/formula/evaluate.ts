import { SCHEMES, type Scheme } from "../catalogue";
import { monthsElapsed, shiftPeriod, type Period, type PeriodOffset } from "../periods";
import type { FormulaNode } from "./ast";
import { Decimal, toDomainDecimal } from "./decimal";

/** What the evaluator needs from the caller: where the value is computed, and how to read an input. */
export interface EvalContext {
  /** The period being computed. */
  period: Period;
  /** The scheme of the value being computed; unqualified references read this scheme. */
  scheme: Scheme;
  /**
   * An input's value, or null when missing. `offset` is relative to ctx.period (years × 12 + months months,
   * both ≤ 0); `period` is that shift already applied, for callers that key their data by period.
   */
  value(code: string, scheme: Scheme, offset: PeriodOffset, period: Period): Decimal | null;
}

/** One input read while evaluating, for the lineage card of a number. */
export interface TraceInput {
  code: string;
  scheme: Scheme;
  period: Period;
  value: Decimal | null;
}

export interface TracedValue {
  value: Decimal | null;
  /** Every distinct (code, scheme, period) read, in first-read order, including missing ones (value null). */
  inputs: TraceInput[];
}

/**
 * Computes a formula. null means "not computable" (shown "—", docs/product.md §5): a missing input, a division
 * by zero or a missing prior period make the whole result null — never 0, NaN or Infinity.
 */
export function evaluate(ast: FormulaNode, ctx: EvalContext): Decimal | null {
  return run(ast, ctx, null);
}

/**
 * evaluate() plus the inputs it read. All arguments are read even after one is missing, so the trace shows them all
 * (BY_SCHEME's arguments for the other schemes excepted: they are not part of this value).
 */
export function evaluateWithTrace(ast: FormulaNode, ctx: EvalContext): TracedValue {
  const seen = new Map<string, TraceInput>();
  const value = run(ast, ctx, seen);
  return { value, inputs: [...seen.values()] };
}

const HUNDRED = new Decimal(100);
const THOUSAND = new Decimal(1000);
const TWELVE = new Decimal(12);
const ONE = new Decimal(1);
const LAST_YEAR: PeriodOffset = { years: -1, months: 0 };
const LAST_MONTH: PeriodOffset = { years: 0, months: -1 };

type D = Decimal | null;

const div = (a: D, b: D): D => (a === null || b === null || b.isZero() ? null : a.div(b));
const mul = (a: D, b: D): D => (a === null || b === null ? null : a.mul(b));
const growth = (current: D, previous: D): D => {
  const ratio = div(current, previous);
  return ratio === null ? null : ratio.minus(ONE);
};
const plus = (offset: PeriodOffset, by: PeriodOffset): PeriodOffset => ({
  years: offset.years + by.years,
  months: offset.months + by.months,
});

function run(ast: FormulaNode, ctx: EvalContext, seen: Map<string, TraceInput> | null): D {
  const read = (code: string, scheme: Scheme, offset: PeriodOffset): D => {
    const period = shiftPeriod(ctx.period, offset);
    const value = toDomainDecimal(ctx.value(code, scheme, offset, period));
    const key = `${code}|${scheme}|${period}`;
    if (seen && !seen.has(key)) seen.set(key, { code, scheme, period, value });
    return value;
  };

  const ev = (node: FormulaNode, offset: PeriodOffset): D => {
    switch (node.kind) {
      case "number":
        return new Decimal(node.value);
      case "ref":
        return read(node.code, node.scheme ?? ctx.scheme, offset);
      case "neg": {
        const v = ev(node.operand, offset);
        return v === null ? null : v.neg();
      }
      case "binary": {
        const a = ev(node.left, offset);
        const b = ev(node.right, offset);
        if (node.op === "/") return div(a, b);
        if (a === null || b === null) return null;
        return node.op === "+" ? a.plus(b) : node.op === "-" ? a.minus(b) : a.mul(b);
      }
      case "call": {
        const arg = (i: number, at: PeriodOffset = offset) => ev(node.args[i]!, at);
        switch (node.name) {
          case "SUM": {
            const values = node.args.map((a) => ev(a, offset));
            return values.some((v) => v === null) ? null : values.reduce((s, v) => s!.plus(v!), new Decimal(0));
          }
          case "RATIO":
            return div(arg(0), arg(1));
          case "PCT":
            return mul(div(arg(0), arg(1)), HUNDRED);
          case "PER_1000":
            return mul(div(arg(0), arg(1)), THOUSAND);
          case "PREV_YEAR":
            return arg(0, plus(offset, LAST_YEAR));
          case "PREV_MONTH":
            return arg(0, plus(offset, LAST_MONTH));
          case "YOY":
            return growth(arg(0), arg(0, plus(offset, LAST_YEAR)));
          case "MOM":
            return growth(arg(0), arg(0, plus(offset, LAST_MONTH)));
          case "AVG_MONTHLY":
            // Months elapsed at the shifted period: PREV_MONTH(AVG_MONTHLY(x)) in January divides by 12.
            return div(arg(0), new Decimal(monthsElapsed(shiftPeriod(ctx.period, offset))));
          case "MONTHS_ELAPSED":
            return new Decimal(monthsElapsed(shiftPeriod(ctx.period, offset)));
          case "TIME_PROGRESS":
            return new Decimal(monthsElapsed(shiftPeriod(ctx.period, offset))).div(TWELVE);
          case "BY_SCHEME":
            // Only the computed scheme's argument is read (and traced): the others are never part of this value.
            return arg(SCHEMES.indexOf(ctx.scheme));
        }
      }
    }
  };

  const result = ev(ast, { years: 0, months: 0 });
  if (result === null || !result.isFinite()) return null;
  // decimal.js keeps a negative zero (−0 × 5), which JSON.stringify writes as "-0": store a plain 0.
  return result.isZero() ? new Decimal(0) : result;
}
