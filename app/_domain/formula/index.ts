/**
 * The formula engine for derived indicators (docs/product.md §3–§5): a closed language (numbers, + − × ÷,
 * indicator codes with an optional scheme, and a fixed set of functions), parsed without eval, evaluated
 * in decimal arithmetic where anything not computable is null.
 *
 *   const parsed = parseFormula("RATIO(FE01, BG01) / TIME_PROGRESS()");
 *   if (parsed.ok) evaluateWithTrace(parsed.ast, { period: "2025-03", scheme: "TOTAL", value: lookup });
 */
export type { BinaryOp, FormulaError, FormulaNode } from "./ast";
export { checkFormulas, type FormulaIssue } from "./check";
export { Decimal, toDomainDecimal } from "./decimal";
export { evaluate, evaluateWithTrace, type EvalContext, type TraceInput, type TracedValue } from "./evaluate";
export { formatFormula } from "./format";
export { FORMULA_FUNCTIONS, isFunctionName, type FunctionName, type FunctionSpec } from "./functions";
export { INDICATOR_CODE, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula, type ParseResult } from "./parser";
export { referencesOf, type FormulaReference } from "./references";
