import type { Scheme } from "../catalogue";
import type { FunctionName } from "./functions";

/**
 * The syntax tree of a formula. Plain JSON-safe objects, so a parsed formula can be stored with lineage.
 * `pos` is the 0-based offset (UTF-16 code unit) in the source text: the first character of a number,
 * reference or function name, the minus of a negation, the operator of a binary operation.
 * Trees built by hand (tests, code) may use any pos; the printer ignores it.
 */
export type FormulaNode = NumberNode | RefNode | NegNode | BinaryNode | CallNode;

/** A non-negative literal in canonical decimal form ("1.5", never "1.50" or "1e3"); −x is a NegNode. */
export interface NumberNode {
  kind: "number";
  value: string;
  pos: number;
}

/** An indicator reference; scheme null means "the scheme of the value being computed". */
export interface RefNode {
  kind: "ref";
  code: string;
  scheme: Scheme | null;
  pos: number;
}

export interface NegNode {
  kind: "neg";
  operand: FormulaNode;
  pos: number;
}

export type BinaryOp = "+" | "-" | "*" | "/";

export interface BinaryNode {
  kind: "binary";
  op: BinaryOp;
  left: FormulaNode;
  right: FormulaNode;
  pos: number;
}

export interface CallNode {
  kind: "call";
  name: FunctionName;
  args: FormulaNode[];
  pos: number;
}

/** Why a formula is wrong: a Chinese message and the 0-based offset where the editor should put the caret. */
export interface FormulaError {
  message: string;
  position: number;
}
