import type { FormulaNode } from "./ast";

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;
const ATOM = 3;

const precedenceOf = (n: FormulaNode): number => (n.kind === "binary" ? PRECEDENCE[n.op] : ATOM);

/**
 * The canonical text of a formula: single spaces around operators, ", " between arguments, canonical numbers,
 * and only the parentheses the tree needs. parseFormula(formatFormula(ast)) gives back the same tree
 * (positions aside), so stored formulas can be normalised and compared as text.
 */
export function formatFormula(node: FormulaNode): string {
  switch (node.kind) {
    case "number":
      return node.value;
    case "ref":
      return node.scheme ? `${node.code}.${node.scheme}` : node.code;
    case "neg":
      // "-(-x)" rather than "--x": the same tree, but nobody misreads it as a decrement.
      return node.operand.kind === "binary" || node.operand.kind === "neg"
        ? `-(${formatFormula(node.operand)})`
        : `-${formatFormula(node.operand)}`;
    case "call":
      return `${node.name}(${node.args.map(formatFormula).join(", ")})`;
    case "binary": {
      const p = PRECEDENCE[node.op];
      // Operators associate to the left, so a right operand of equal precedence keeps its parentheses:
      // a - (b - c) and a / (b / c) change the value, and a + (b + c) is kept to preserve the tree.
      const left = precedenceOf(node.left) < p ? `(${formatFormula(node.left)})` : formatFormula(node.left);
      const right = precedenceOf(node.right) <= p ? `(${formatFormula(node.right)})` : formatFormula(node.right);
      return `${left} ${node.op} ${right}`;
    }
  }
}
