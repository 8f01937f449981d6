import { describe, expect, it } from "vitest";
import { formatFormula, parseFormula, type FormulaNode } from "@/app/_domain/formula";

/** Structure only: positions depend on spacing, not on meaning. */
const shape = (node: FormulaNode): unknown => JSON.parse(JSON.stringify(node, (k, v) => (k === "pos" ? undefined : v)));
const ast = (text: string): FormulaNode => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} @${r.error.position}`);
  return r.ast;
};
const num = (value: string) => ({ kind: "number", value });
const ref = (code: string, scheme: string | null = null) => ({ kind: "ref", code, scheme });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: "binary", op, left, right });
const neg = (operand: unknown) => ({ kind: "neg", operand });
const call = (name: string, ...args: unknown[]) => ({ kind: "call", name, args });

describe("parseFormula: trees", () => {
  it.each([
    ["1 + 2 * 3", bin("+", num("1"), bin("*", num("2"), num("3")))],
    ["(1 + 2) * 3", bin("*", bin("+", num("1"), num("2")), num("3"))],
    ["1 - 2 - 3", bin("-", bin("-", num("1"), num("2")), num("3"))],
    ["8 / 4 / 2", bin("/", bin("/", num("8"), num("4")), num("2"))],
    ["1 - 2 * 3 / 4 + 5", bin("+", bin("-", num("1"), bin("/", bin("*", num("2"), num("3")), num("4"))), num("5"))],
    ["-FI03 * 2", bin("*", neg(ref("FI03")), num("2"))],
    ["2 * -3", bin("*", num("2"), neg(num("3")))],
    ["2 - -3", bin("-", num("2"), neg(num("3")))],
    ["--1", neg(neg(num("1")))],
    ["-(1 + 2)", neg(bin("+", num("1"), num("2")))],
    [
      "FI03.EMPLOYEE + FI03.RESIDENT - FI03.TOTAL",
      bin("-", bin("+", ref("FI03", "EMPLOYEE"), ref("FI03", "RESIDENT")), ref("FI03", "TOTAL")),
    ],
    ["SV_READMIT14", ref("SV_READMIT14")],
    ["SUM(FI03, FI04, 1)", call("SUM", ref("FI03"), ref("FI04"), num("1"))],
    ["RATIO(FE01, BG01) / TIME_PROGRESS()", bin("/", call("RATIO", ref("FE01"), ref("BG01")), call("TIME_PROGRESS"))],
    ["PREV_YEAR(PREV_YEAR(FI03))", call("PREV_YEAR", call("PREV_YEAR", ref("FI03")))],
    ["PER_1000(SV02, FI01.EMPLOYEE)", call("PER_1000", ref("SV02"), ref("FI01", "EMPLOYEE"))],
    ["MONTHS_ELAPSED( )", call("MONTHS_ELAPSED")],
    ["007.50 + 0.000001 + 0.0", bin("+", bin("+", num("7.5"), num("0.000001")), num("0"))],
    ["12345678901234567890.123456789", num("12345678901234567890.123456789")],
    ["\n\tFI03\u3000+ 1 ", bin("+", ref("FI03"), num("1"))],
  ])("%j", (text, expected) => {
    expect(shape(ast(text))).toEqual(expected);
  });

  it("reads full-width punctuation and × ÷ − typed with a Chinese IME", () => {
    expect(shape(ast("（FI03＋FI04）×１００÷FI05−１"))).toEqual(shape(ast("(FI03 + FI04) * 100 / FI05 - 1")));
    expect(shape(ast("SUM（FI03，FI04．EMPLOYEE）"))).toEqual(shape(ast("SUM(FI03, FI04.EMPLOYEE)")));
  });

  it("records 0-based positions of numbers, codes, function names and operators", () => {
    const tree = ast("SUM(FI03, FI04.TOTAL) / -2");
    expect(tree).toEqual({
      kind: "binary",
      op: "/",
      pos: 22,
      left: {
        kind: "call",
        name: "SUM",
        pos: 0,
        args: [
          { kind: "ref", code: "FI03", scheme: null, pos: 4 },
          { kind: "ref", code: "FI04", scheme: "TOTAL", pos: 10 },
        ],
      },
      right: { kind: "neg", pos: 24, operand: { kind: "number", value: "2", pos: 25 } },
    });
  });
});

describe("parseFormula: errors with position and a Chinese message", () => {
  const SCHEMES = "EMPLOYEE、RESIDENT 或 TOTAL";
  const BAD_CODE = "不是有效的指标代码（应为 2–20 位大写字母、数字或下划线，以字母开头）";
  it.each([
    ["", "公式为空", 0],
    ["   ", "公式为空", 0],
    ["FI03 + #", "第 8 个字符处有无法识别的字符“#”", 7],
    ["FI03 + 1；", "第 9 个字符处有无法识别的字符“；”", 8],
    ["1 + 😀", "第 5 个字符处有无法识别的字符“😀”", 4],
    ["(FI03 2)", "第 7 个字符处缺少右括号", 6],
    ["(FI03 + FI04", "公式末尾缺少右括号", 12],
    ["(1, 2)", "第 3 个字符处出现意外的“,”", 2],
    ["SUM(FI03, FI04", "公式末尾缺少右括号", 14],
    ["SUM(FI03 FI04)", "第 10 个字符处缺少逗号或右括号", 9],
    ["FOO(FI03)", "未知函数 FOO", 0],
    ["FI03 + FOO(1)", "未知函数 FOO", 7],
    ["RATIO(FI03)", "函数 RATIO 需要 2 个参数，实际为 1 个", 0],
    ["1 + RATIO(1, 2, 3)", "函数 RATIO 需要 2 个参数，实际为 3 个", 4],
    ["YOY()", "函数 YOY 需要 1 个参数，实际为 0 个", 0],
    ["MONTHS_ELAPSED(1)", "函数 MONTHS_ELAPSED 不接受参数，实际有 1 个", 0],
    ["TIME_PROGRESS(FI03, 2)", "函数 TIME_PROGRESS 不接受参数，实际有 2 个", 0],
    ["SUM()", "函数 SUM 至少需要 1 个参数，实际为 0 个", 0],
    ["SUM + 1", "函数 SUM 后缺少左括号", 4],
    ["TIME_PROGRESS", "函数 TIME_PROGRESS 后缺少左括号", 13],
    ["FI03 +", "公式末尾缺少运算数", 6],
    ["FI03 + * FI04", "第 8 个字符处缺少运算数（实际为“*”）", 7],
    ["+1", "第 1 个字符处缺少运算数（实际为“+”）", 0],
    ["()", "第 2 个字符处缺少运算数（实际为“)”）", 1],
    ["SUM(1, )", "第 8 个字符处缺少运算数（实际为“)”）", 7],
    ["FI03 FI04", "第 6 个字符处缺少运算符", 5],
    ["2 (3)", "第 3 个字符处缺少运算符", 2],
    ["FI03)", "第 5 个字符处出现多余的右括号", 4],
    ["1, 2", "第 2 个字符处出现意外的“,”", 1],
    ["SUM(1).TOTAL", "第 7 个字符处出现意外的“.”", 6],
    ["1.", "第 1 个字符处的数字“1.”格式不正确", 0],
    ["2 * 1e5", "第 5 个字符处的数字“1e5”格式不正确", 4],
    ["1.2.3", "第 1 个字符处的数字“1.2.3”格式不正确", 0],
    ["2FI03", "第 1 个字符处的数字“2FI03”格式不正确", 0],
    ["fi03 + 1", "第 1 个字符处的“fi03”应使用大写字母（FI03）", 0],
    ["Sum(1)", "第 1 个字符处的“Sum”应使用大写字母（SUM）", 0],
    ["FI03.employee", "第 6 个字符处的“employee”应使用大写字母（EMPLOYEE）", 5],
    ["A + 1", `第 1 个字符处的“A”${BAD_CODE}`, 0],
    ["1 + _X1", `第 5 个字符处的“_X1”${BAD_CODE}`, 4],
    ["ABCDEFGHIJKLMNOPQRSTU", `第 1 个字符处的“ABCDEFGHIJKLMNOPQRSTU”${BAD_CODE}`, 0],
    ["FI03.FOO", `未知险种 FOO（应为 ${SCHEMES}）`, 5],
    ["FI03.", `第 5 个字符处的“.”后缺少险种（${SCHEMES}）`, 5],
    ["FI03.1", `第 5 个字符处的“.”后缺少险种（${SCHEMES}）`, 5],
    [".5", "第 1 个字符处缺少运算数（实际为“.”）", 0],
  ])("%j", (text, message, position) => {
    expect(parseFormula(text)).toEqual({ ok: false, error: { message, position } });
  });

  it("limits nesting depth and length instead of exhausting the stack", () => {
    expect(parseFormula(`${"(".repeat(99)}1${")".repeat(99)}`).ok).toBe(true);
    expect(parseFormula(`${"(".repeat(150)}1${")".repeat(150)}`)).toEqual({
      ok: false,
      error: { message: "第 101 个字符处嵌套层数过多（最多 100 层）", position: 100 },
    });
    expect(parseFormula(`${"-".repeat(150)}1`).ok).toBe(false);
    expect(parseFormula(`1${" + 1".repeat(499)}`).ok).toBe(true);
    expect(parseFormula(`1${" + 1".repeat(500)}`)).toEqual({
      ok: false,
      error: { message: "公式过长（最多 2000 个字符）", position: 2000 },
    });
  });
});

describe("formatFormula", () => {
  it.each([
    ["1+2*3", "1 + 2 * 3"],
    ["(1+2)*3", "(1 + 2) * 3"],
    ["((1))", "1"],
    ["(1-2)-3", "1 - 2 - 3"],
    ["1-(2-3)", "1 - (2 - 3)"],
    ["1+(2+3)", "1 + (2 + 3)"],
    ["1+(2*3)", "1 + 2 * 3"],
    ["A1/(B1*C1)", "A1 / (B1 * C1)"],
    ["(A1/B1)*C1", "A1 / B1 * C1"],
    ["--1", "-(-1)"],
    ["-(1*2)", "-(1 * 2)"],
    ["(-1)*2", "-1 * 2"],
    ["2*(-3)", "2 * -3"],
    ["SUM( FI03 ,FI04.EMPLOYEE )", "SUM(FI03, FI04.EMPLOYEE)"],
    ["MONTHS_ELAPSED( )", "MONTHS_ELAPSED()"],
    ["RATIO(FE01,BG01)/TIME_PROGRESS()", "RATIO(FE01, BG01) / TIME_PROGRESS()"],
    ["（FI03＋FI04）×100.0", "(FI03 + FI04) * 100"],
    ["0010.2500", "10.25"],
  ])("%j prints as %j and round-trips", (text, canonical) => {
    const tree = ast(text);
    expect(formatFormula(tree)).toBe(canonical);
    expect(shape(ast(canonical))).toEqual(shape(tree));
    expect(formatFormula(ast(canonical))).toBe(canonical);
  });

  it("ignores positions of hand-built trees", () => {
    const tree: FormulaNode = {
      kind: "binary",
      op: "-",
      pos: 0,
      left: { kind: "ref", code: "FI03", scheme: "RESIDENT", pos: 0 },
      right: {
        kind: "binary",
        op: "-",
        pos: 0,
        left: { kind: "number", value: "1", pos: 0 },
        right: { kind: "number", value: "2", pos: 0 },
      },
    };
    expect(formatFormula(tree)).toBe("FI03.RESIDENT - (1 - 2)");
  });
});
