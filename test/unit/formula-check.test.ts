import { describe, expect, it } from "vitest";
import { checkFormulas, parseFormula, referencesOf } from "@/app/_domain/formula";

const refs = (text: string) => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(r.error.message);
  return referencesOf(r.ast);
};
const NOW = { years: 0, months: 0 };

describe("referencesOf", () => {
  it("lists each occurrence with its scheme, position and the periods it is read at", () => {
    expect(refs("FI03 + PREV_YEAR(FI04.EMPLOYEE) + YOY(FI05) + PREV_MONTH(PREV_YEAR(FI06)) + MOM(FI03.TOTAL)")).toEqual([
      { code: "FI03", scheme: null, position: 0, offsets: [NOW], lagged: false, onlyFor: null },
      { code: "FI04", scheme: "EMPLOYEE", position: 17, offsets: [{ years: -1, months: 0 }], lagged: true, onlyFor: null },
      { code: "FI05", scheme: null, position: 38, offsets: [NOW, { years: -1, months: 0 }], lagged: false, onlyFor: null },
      { code: "FI06", scheme: null, position: 67, offsets: [{ years: -1, months: -1 }], lagged: true, onlyFor: null },
      { code: "FI03", scheme: "TOTAL", position: 80, offsets: [NOW, { years: 0, months: -1 }], lagged: false, onlyFor: null },
    ]);
  });

  it("combines nested YOY and MOM into every period read", () => {
    expect(refs("YOY(MOM(SV02))")[0]!.offsets).toEqual([
      NOW,
      { years: 0, months: -1 },
      { years: -1, months: 0 },
      { years: -1, months: -1 },
    ]);
    expect(refs("PREV_YEAR(YOY(SV02))")[0]).toMatchObject({
      offsets: [
        { years: -1, months: 0 },
        { years: -2, months: 0 },
      ],
      lagged: true,
    });
  });

  it("finds nothing in a formula of constants and functions without arguments", () => {
    expect(refs("MONTHS_ELAPSED() / 12 + TIME_PROGRESS() - 1")).toEqual([]);
  });
});

describe("checkFormulas", () => {
  const INPUTS = new Set(["FI03", "FI04", "FE01", "FE02", "FE03", "FB03", "BG01", "SV02", "SV04", "FI01", "FI02"]);

  it("accepts the reconstructed catalogue's derived indicators", () => {
    const defs = [
      { code: "FI03", formula: null },
      { code: "FI05", formula: "FI03 + FI04" },
      { code: "FI06", formula: "YOY(FI03)" },
      { code: "FB01", formula: "FI03 - FE01" },
      { code: "FB05", formula: "FB03 / AVG_MONTHLY(FE01)" },
      { code: "BG03", formula: "RATIO(FE03, BG01) / TIME_PROGRESS()" },
      { code: "SV03", formula: "PCT(SV02, FI01.EMPLOYEE)" },
      { code: "SV05", formula: "SV04 * 10000 / SV02" },
      { code: "XX01", formula: "FI05 - FB01" },
    ];
    expect(checkFormulas(defs, INPUTS)).toEqual([]);
  });

  it("reports parse errors with the indicator's code and the position", () => {
    expect(
      checkFormulas(
        [
          { code: "FI05", formula: "(FI03 + FI04" },
          { code: "FI06", formula: "" },
        ],
        INPUTS,
      ),
    ).toEqual([
      { code: "FI05", message: "公式末尾缺少右括号", position: 12 },
      { code: "FI06", message: "公式为空", position: 0 },
    ]);
  });

  it("reports each unknown indicator once, at its first position; codes of the defs count as known", () => {
    expect(
      checkFormulas(
        [
          { code: "FI05", formula: "FI03 + XX99 * XX99 + PREV_YEAR(YY01)" },
          { code: "FI06", formula: "FI05 / 2" },
        ],
        INPUTS,
      ),
    ).toEqual([
      { code: "FI05", message: "未知指标 XX99", position: 7 },
      { code: "FI05", message: "未知指标 YY01", position: 31 },
    ]);
  });

  it("finds a cycle of length 1", () => {
    expect(checkFormulas([{ code: "AA01", formula: "FI03 + AA01" }], INPUTS)).toEqual([
      { code: "AA01", message: "循环引用：AA01 → AA01", position: 7 },
    ]);
  });

  it("finds a cycle of length 2 and writes it from each member", () => {
    expect(
      checkFormulas(
        [
          { code: "AA", formula: "BB + 1" },
          { code: "BB", formula: "FI03 * AA" },
        ],
        INPUTS,
      ),
    ).toEqual([
      { code: "AA", message: "循环引用：AA → BB → AA", position: 0 },
      { code: "BB", message: "循环引用：BB → AA → BB", position: 7 },
    ]);
  });

  it("finds a cycle of length 3 and leaves indicators that only depend on it alone", () => {
    expect(
      checkFormulas(
        [
          { code: "DD", formula: "AA * 2" },
          { code: "AA", formula: "SUM(FI03, BB)" },
          { code: "BB", formula: "CC" },
          { code: "CC", formula: "PCT(AA, FI04)" },
        ],
        INPUTS,
      ),
    ).toEqual([
      { code: "AA", message: "循环引用：AA → BB → CC → AA", position: 10 },
      { code: "BB", message: "循环引用：BB → CC → AA → BB", position: 0 },
      { code: "CC", message: "循环引用：CC → AA → BB → CC", position: 4 },
    ]);
  });

  it("reports the shortest cycle through each member of a tangle", () => {
    const issues = checkFormulas(
      [
        { code: "AA", formula: "BB + CC" },
        { code: "BB", formula: "AA" },
        { code: "CC", formula: "BB" },
      ],
      INPUTS,
    );
    expect(issues.map((i) => i.message)).toEqual(["循环引用：AA → BB → AA", "循环引用：BB → AA → BB", "循环引用：CC → BB → AA → CC"]);
  });

  it("allows an indicator to use its own earlier values, but not through YOY or MOM", () => {
    expect(checkFormulas([{ code: "FB09", formula: "PREV_MONTH(FB09) + FI03 - FE01" }], INPUTS)).toEqual([]);
    expect(checkFormulas([{ code: "FB09", formula: "PREV_YEAR(PREV_MONTH(FB09)) * 2" }], INPUTS)).toEqual([]);
    expect(checkFormulas([{ code: "FB09", formula: "YOY(FB09)" }], INPUTS)).toEqual([
      { code: "FB09", message: "循环引用：FB09 → FB09", position: 4 },
    ]);
  });

  it("treats a scheme-qualified self-reference as a cycle: one formula serves every scheme", () => {
    expect(checkFormulas([{ code: "FI05", formula: "FI05.EMPLOYEE + FI05.RESIDENT" }], INPUTS)).toEqual([
      { code: "FI05", message: "循环引用：FI05 → FI05", position: 0 },
    ]);
  });

  it("reports a second formula for the same code", () => {
    expect(
      checkFormulas(
        [
          { code: "FI05", formula: "FI03 + FI04" },
          { code: "FI05", formula: "FI03" },
        ],
        INPUTS,
      ),
    ).toEqual([{ code: "FI05", message: "指标 FI05 的公式重复定义", position: 0 }]);
  });

  it("keeps issues in the order of the definitions", () => {
    const issues = checkFormulas(
      [
        { code: "AA", formula: "BB" },
        { code: "BB", formula: "AA + QQ01" },
      ],
      INPUTS,
    );
    expect(issues.map((i) => `${i.code}:${i.message}`)).toEqual([
      "AA:循环引用：AA → BB → AA",
      "BB:未知指标 QQ01",
      "BB:循环引用：BB → AA → BB",
    ]);
  });
});
