import { SCHEMES, type Scheme } from "../catalogue";
import type { FormulaNode } from "../formula";
import { add, div, EXACT_ONE, Exact, exactFromInteger, exactLiteral, mul, neg, sub } from "./exact";

/** Reads an input at month index t (year × 12 + month − 1); null when missing. */
export type Reader = (code: string, scheme: Scheme, t: number) => Exact | null;

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
export type Compiled<C> = (ctx: C, t: number) => Exact | null;

/**
 * Compiles a formula into closures once, so that evaluating it for 5,000 institutions × several months walks
 * no tree and resolves no reference again. `ref` compiles a reference (with its scheme, or the formula's).
 * Every argument is evaluated, left to right, before a null stops the result: a lineage lists all of them.
 */
export function compileFormula<C>(n: FormulaNode, scheme: Scheme, ref: (code: string, scheme: Scheme) => Compiled<C>): Compiled<C> {
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
      // The formula is compiled for one scheme: BY_SCHEME is its argument for that scheme, nothing else is read.
      if (n.name === "BY_SCHEME") return inner(n.args[SCHEMES.indexOf(scheme)]!);
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

/** Marks a reference inside AVG_MONTHLY in the month-view tree; real codes are upper case, so it cannot clash. */
export const YTD_MARK = "ytd:";

/** The tree evaluated in the month view: references inside AVG_MONTHLY(…) read the ytd view (see
 * compute-metrics.ts: AVG_MONTHLY means "x's ytd ÷ months elapsed"). */
export function monthViewTree(node: FormulaNode, inAvg = false): FormulaNode {
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
