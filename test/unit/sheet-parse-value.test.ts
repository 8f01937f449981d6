import { describe, expect, it } from "vitest";
import { parseSheetValue } from "@/app/_domain/sheets/parse-value";
import { personalDataHeaders } from "@/app/_domain/sheets/personal-data";

const ok = (raw: string) => {
  const r = parseSheetValue(raw);
  if (!r.ok) throw new Error(`expected ${raw} to parse: ${r.message}`);
  return r.value;
};
const message = (raw: string) => {
  const r = parseSheetValue(raw);
  if (r.ok) throw new Error(`expected ${raw} to fail, got ${r.value}`);
  return r.message;
};

describe("parseSheetValue", () => {
  it("returns canonical decimal strings: no exponent, no trailing zeros, no -0", () => {
    expect(ok("1234.5")).toBe("1234.5");
    expect(ok(" 1234.50 ")).toBe("1234.5");
    expect(ok("0012")).toBe("12");
    expect(ok("-0")).toBe("0");
    expect(ok("0.000001")).toBe("0.000001");
    expect(ok("123456789012345678.123456")).toBe("123456789012345678.123456");
    expect(ok(".5")).toBe("0.5");
    expect(ok("5.")).toBe("5");
    expect(ok("1.2300000")).toBe("1.23");
  });

  it("accepts thousands separators, half- and full-width", () => {
    expect(ok("1,234.5")).toBe("1234.5");
    expect(ok("1，234.5")).toBe("1234.5");
    expect(ok("12,345,678")).toBe("12345678");
  });

  it("accepts full-width digits, decimal point and signs, and a leading + or −/－", () => {
    expect(ok("１２３．４")).toBe("123.4");
    expect(ok("＋１２")).toBe("12");
    expect(ok("+12")).toBe("12");
    expect(ok("-12.5")).toBe("-12.5");
    expect(ok("−12.5")).toBe("-12.5");
    expect(ok("－１２．５")).toBe("-12.5");
    expect(ok("\u3000３\u3000")).toBe("3");
  });

  it("reads blank and the usual dashes and slashes as missing", () => {
    for (const raw of ["", "   ", "—", "——", "-", "－", "–", "/", "／", "--"]) expect(ok(raw), raw).toBeNull();
  });

  it("names the wrong character and suggests the digit: letter O for 0, l/I for 1", () => {
    expect(message("12,3O4")).toBe("“12,3O4”不是数字：第 5 个字符是字母 O，是否应为数字 0？");
    expect(message("1o5")).toBe("“1o5”不是数字：第 2 个字符是字母 o，是否应为数字 0？");
    expect(message("l00")).toBe("“l00”不是数字：第 1 个字符是字母 l，是否应为数字 1？");
    expect(message("20I5")).toBe("“20I5”不是数字：第 3 个字符是字母 I，是否应为数字 1？");
    expect(message("12a")).toContain("第 3 个字符是字母 a");
  });

  it("explains other slips: 。 for ., %, units, spaces, misplaced signs", () => {
    expect(message("12。5")).toBe("“12。5”不是数字：第 3 个字符是句号“。”，是否应为小数点“.”？");
    expect(message("12.5%")).toContain("百分号");
    expect(message("12万")).toContain("单位“万”");
    expect(message("1 234")).toContain("第 2 个字符是空格");
    expect(message("12-3")).toContain("正负号只能写在最前面");
    expect(message("+-3")).toContain("第 2 个字符");
    expect(message("1.2.3")).toContain("多个小数点");
    expect(message("+")).toContain("没有数字");
    expect(message("无")).toContain("第 1 个字符“无”不是数字");
  });

  it("refuses a misplaced thousands separator, suggesting a decimal comma was meant", () => {
    expect(message("1,5")).toContain("千分位逗号的位置不对");
    expect(message("1,5")).toContain("请写作 1.5");
    expect(message("12,34,567")).toContain("千分位逗号的位置不对");
    expect(message("1.234,5")).toContain("小数点之后不能有逗号");
  });

  it("refuses NaN, Infinity, exponents and Excel error values", () => {
    for (const raw of ["NaN", "Infinity", "-Infinity", "inf", "∞"]) expect(message(raw), raw).toContain("不是有效的数值");
    for (const raw of ["1e5", "1.2E+5", "-3e-2", "1,234E2"]) expect(message(raw), raw).toContain("科学计数法");
    expect(message("#DIV/0!")).toContain("Excel 的错误值");
  });

  it("refuses more than 6 decimal places and more than 18 integer digits", () => {
    expect(message("0.1234567")).toBe("“0.1234567”不是数字：小数有 7 位，最多 6 位");
    expect(message("1234567890123456789")).toContain("整数部分超过 18 位");
  });
});

describe("personalDataHeaders", () => {
  it("finds ID numbers, names, phones, addresses and card numbers, Chinese and English", () => {
    expect(
      personalDataHeaders([
        "身份证号",
        "证件号码",
        "患者姓名",
        "姓名",
        "患者",
        "手机号",
        "联系电话",
        "家庭住址",
        "医保卡号",
        "社保卡号",
        "ID card",
        "id_number",
        "Patient Name",
        "phone",
      ]),
    ).toEqual([
      "身份证号",
      "证件号码",
      "患者姓名",
      "姓名",
      "患者",
      "手机号",
      "联系电话",
      "家庭住址",
      "医保卡号",
      "社保卡号",
      "ID card",
      "id_number",
      "Patient Name",
      "phone",
    ]);
  });

  it("leaves ordinary indicator and column names alone", () => {
    expect(
      personalDataHeaders([
        "region_code",
        "indicator_code",
        "institution_code",
        "value",
        "机构编码",
        "机构名称",
        "出院患者人次（人次）",
        "住院患者次均费用",
        "医保基金支出",
        "职工",
        "指标名称",
        "paid_normal",
      ]),
    ).toEqual([]);
  });
});
