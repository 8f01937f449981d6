import type { IndicatorDef } from "../catalogue";
import { Decimal } from "../formula/decimal";
import { parseFormula, type FormulaNode } from "../formula";
import { addMonths, quarterMonths, type Period } from "../periods";

/**
 * The quarter columns of the metrics page (季度视图), from stored monthly metrics:
 * - a FLOW indicator whose formula is linear (an input, or sums and differences of references such as
 *   FI05 = FI03 + FI04, FB01 = FI03 − FE01): 本季 = the sum of its three months' `month` values, which is
 *   ytd(quarter end) − ytd(previous quarter end); 环比 compares with the previous quarter's sum;
 * - a STOCK or RATE input: 本季 = the value at the quarter end; 环比 compares with the previous quarter end;
 * - any other derived indicator (a ratio such as 次均住院费用): no quarter value (null, "—"): a ratio of a
 *   quarter is not the sum of its months, and the year-to-date value (累计) stands for it.
 * Missing months give null, never a partial sum. Exact decimals; the ratio is rounded half up to 6 places.
 */

export type QuarterKind = "SUM" | "END" | "NONE";

export interface QuarterCell {
  kind: QuarterKind;
  value: string | null;
  previous: string | null;
  /** value ÷ previous − 1, a fraction; null when either is missing or previous is zero. */
  mom: string | null;
  /** The months that make the value (SUM: the quarter's three months; END: the quarter end). */
  parts: { period: Period; value: string | null }[];
}

function linear(node: FormulaNode): boolean {
  switch (node.kind) {
    case "number":
    case "ref":
      return true;
    case "neg":
      return linear(node.operand);
    case "binary":
      if (node.op === "+" || node.op === "-") return linear(node.left) && linear(node.right);
      if (node.op === "*") return (node.left.kind === "number" && linear(node.right)) || (node.right.kind === "number" && linear(node.left));
      if (node.op === "/") return node.right.kind === "number" && linear(node.left);
      return false;
    case "call":
      return false;
  }
}

export function quarterKind(def: Pick<IndicatorDef, "basis" | "formula">): QuarterKind {
  if (def.formula === null) return def.basis === "FLOW" ? "SUM" : "END";
  if (def.basis !== "FLOW") return "NONE";
  const parsed = parseFormula(def.formula);
  return parsed.ok && linear(parsed.ast) ? "SUM" : "NONE";
}

const text6 = (d: Decimal): string => {
  const r = d.toDecimalPlaces(6);
  return r.isZero() ? "0" : r.toFixed();
};

/**
 * `month(p)` and `ytd(p)` read the stored values of the indicator × scheme (null when missing). The previous
 * quarter of Q1 is the last year's Q4.
 */
export function quarterCell(def: Pick<IndicatorDef, "basis" | "formula">, quarterEnd: Period, month: (p: Period) => string | null, ytd: (p: Period) => string | null): QuarterCell {
  const kind = quarterKind(def);
  if (kind === "NONE") return { kind, value: null, previous: null, mom: null, parts: [] };
  const prevEnd = addMonths(quarterEnd, -3);
  const sum = (end: Period) => {
    const values = quarterMonths(end).map((p) => month(p));
    return values.some((v) => v === null) ? null : values.reduce((a, v) => a.plus(v!), new Decimal(0));
  };
  const at = (end: Period) => {
    const v = ytd(end);
    return v === null ? null : new Decimal(v);
  };
  const value = kind === "SUM" ? sum(quarterEnd) : at(quarterEnd);
  const previous = kind === "SUM" ? sum(prevEnd) : at(prevEnd);
  const mom = value !== null && previous !== null && !previous.isZero() ? text6(value.div(previous).minus(1)) : null;
  const parts = kind === "SUM" ? quarterMonths(quarterEnd).map((p) => ({ period: p, value: month(p) })) : [{ period: quarterEnd, value: ytd(quarterEnd) }];
  return { kind, value: value === null ? null : text6(value), previous: previous === null ? null : text6(previous), mom, parts };
}
