import { describe, expect, it } from "vitest";
import { LONG_CSV_HEADER, parseLongCsv, parseScheme, toLongCsv } from "@/app/_domain/sheets/long-csv";
import { readLongCsv } from "@/app/_server/sheets/read-long-csv";
import { csvText, encodeGbk, minimalXlsxParts, utf8BomCsv, zipOf } from "../helpers/table-files";

const HEADER = LONG_CSV_HEADER.split(",");
const rows = [
  HEADER,
  ["340100", "2025-06", "FI03", "EMPLOYEE", "", "1,234.5"],
  ["340100", "2025-06", "SV01", "居民", "", "１２３"],
  ["340100", "2025-06", "IN01", "合计", "h34010000001", ""],
];

describe("parseLongCsv", () => {
  it("turns rows into RawCells with the file's region and period, locating each by line", () => {
    const r = parseLongCsv(csvText(rows));
    expect(r.issues).toEqual([]);
    expect(r.regionCode).toBe("340100");
    expect(r.period).toBe("2025-06");
    expect(r.cells).toEqual([
      { indicatorCode: "FI03", scheme: "EMPLOYEE", institutionCode: null, raw: "1,234.5", location: "第 2 行" },
      { indicatorCode: "SV01", scheme: "RESIDENT", institutionCode: null, raw: "１２３", location: "第 3 行" },
      { indicatorCode: "IN01", scheme: "TOTAL", institutionCode: "H34010000001", raw: "", location: "第 4 行" },
    ]);
  });

  it("accepts a BOM, header case and trailing empty columns, blank lines, and periods as Excel rewrites them", () => {
    const text = `\uFEFF${LONG_CSV_HEADER.toUpperCase()},,\r\n340100,2025/6,FI03,employee,,1,,\r\n\r\n340100,202506,FI04,RESIDENT,,2\r\n`;
    const r = parseLongCsv(text);
    expect(r.issues).toEqual([]);
    expect(r.period).toBe("2025-06");
    expect(r.cells.map((c) => [c.indicatorCode, c.location])).toEqual([
      ["FI03", "第 2 行"],
      ["FI04", "第 4 行"],
    ]);
  });

  it("reports a wrong header with the expected and the found columns, and reads nothing", () => {
    const r = parseLongCsv("region,period,indicator_code,scheme,institution_code,value\n340100,2025-06,FI03,EMPLOYEE,,1\n");
    expect(r.cells).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: "ERROR", rule: "csv.header", location: "第 1 行" });
    expect(r.issues[0].message).toContain("第 1 列应为 region_code，实际为 region");
    expect(r.issues[0].message).toContain(`应为：${LONG_CSV_HEADER}；实际为：region,period,`);
    expect(parseLongCsv("region_code,period\n").issues[0].message).toContain("第 3 列应为 indicator_code，实际为空");
  });

  it("refuses rows of another region or period than the first row, wrong column counts and unknown schemes", () => {
    const r = parseLongCsv(
      csvText([
        HEADER,
        ["340100", "2025-06", "FI03", "EMPLOYEE", "", "1"],
        ["340200", "2025-06", "FI03", "EMPLOYEE", "", "1"],
        ["340100", "2025-05", "FI04", "RESIDENT", "", "1"],
        ["340100", "2025-06", "FI04", "RESIDENT", "1"],
        ["340100", "2025-06", "FI04", "全部", "", "1"],
        ["340100", "2025-06", "", "TOTAL", "", "1"],
      ]),
    );
    expect(r.cells).toHaveLength(1);
    expect(r.issues.map((i) => [i.rule, i.location])).toEqual([
      ["csv.mixed-region", "第 3 行"],
      ["csv.mixed-period", "第 4 行"],
      ["csv.column-count", "第 5 行"],
      ["csv.unknown-scheme", "第 6 行"],
      ["csv.missing-indicator", "第 7 行"],
    ]);
    expect(r.issues[0].message).toBe("第 3 行的统筹区编码“340200”与第 2 行的“340100”不同；一个文件只能包含一个统筹区的数据。");
    expect(r.issues[2].message).toContain("第 5 行有 5 列，应为 6 列");
    expect(r.issues.every((i) => i.severity === "ERROR")).toBe(true);
  });

  it("refuses personal-data columns and an unclosed quote", () => {
    const r = parseLongCsv(`${LONG_CSV_HEADER},身份证号\n340100,2025-06,FI03,EMPLOYEE,,1,340104199001011234\n`);
    expect(r.issues.map((i) => i.rule)).toEqual(["personal-data.column", "csv.header"]);
    expect(r.issues[0].message).toContain("疑似个人信息列“身份证号”");
    expect(r.issues[0].message).toContain("平台不接收个人信息");
    expect(parseLongCsv(`${LONG_CSV_HEADER}\n340100,2025-06,FI03,EMPLOYEE,,"1\n`).issues[0]).toMatchObject({
      rule: "csv.unclosed-quote",
      location: "第 2 行",
    });
  });

  it("caps repeated issues of one rule and says how many more there are", () => {
    const body = Array.from({ length: 5 }, () => ["340100", "2025-06", "FI03", "?", "", "1"]);
    const r = parseLongCsv(csvText([HEADER, ...body]), { maxIssuesPerRule: 2 });
    expect(r.issues.map((i) => i.rule)).toEqual(["csv.unknown-scheme", "csv.unknown-scheme", "csv.unknown-scheme"]);
    expect(r.issues[2].message).toContain("另有 3 处同类问题");
  });

  it("reads the schemes in English and Chinese", () => {
    expect(["EMPLOYEE", "resident", "Total", "职工", "居民", "合计", "职工医保"].map(parseScheme)).toEqual([
      "EMPLOYEE",
      "RESIDENT",
      "TOTAL",
      "EMPLOYEE",
      "RESIDENT",
      "TOTAL",
      "EMPLOYEE",
    ]);
    expect(parseScheme("全部")).toBeUndefined();
  });
});

describe("readLongCsv", () => {
  it("decodes UTF-8 with BOM and GBK alike", () => {
    const a = readLongCsv(utf8BomCsv(rows));
    const b = readLongCsv(encodeGbk(csvText(rows)));
    const c = readLongCsv(Buffer.from(csvText(rows), "utf8"));
    expect(a.issues).toEqual([]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.cells[1].scheme).toBe("RESIDENT");
  });

  it("refuses an Excel file renamed to .csv and an empty file, with read-table-file's messages", () => {
    expect(() => readLongCsv(zipOf(minimalXlsxParts()))).toThrow("扩展名是 .csv");
    expect(() => readLongCsv(Buffer.alloc(0))).toThrow("空的");
  });
});

describe("toLongCsv", () => {
  it("writes the header, English schemes and empty cells for region level and missing values", () => {
    const text = toLongCsv([
      { regionCode: "340100", period: "2025-06", indicatorCode: "FI03", scheme: "EMPLOYEE", institutionCode: null, value: "-12.5" },
      { regionCode: "340100", period: "2025-06", indicatorCode: "IN01", scheme: "TOTAL", institutionCode: "H34010000001", value: null },
    ]);
    expect(text).toBe(`${LONG_CSV_HEADER}\r\n340100,2025-06,FI03,EMPLOYEE,,-12.5\r\n340100,2025-06,IN01,TOTAL,H34010000001,\r\n`);
    expect(toLongCsv([], { bom: true }).startsWith("\uFEFF")).toBe(true);
  });

  it("neutralises text that a spreadsheet would run as a formula, but not negative numbers", () => {
    const text = toLongCsv([
      {
        regionCode: "340100",
        period: "2025-06",
        indicatorCode: "=HYPERLINK(1)",
        scheme: "TOTAL",
        institutionCode: "@SUM(A1)",
        value: "-3",
      },
      { regionCode: "340100", period: "2025-06", indicatorCode: "+X", scheme: "TOTAL", institutionCode: "-Y", value: "=1+1" },
    ]);
    const lines = text.split("\r\n");
    expect(lines[1]).toBe("340100,2025-06,'=HYPERLINK(1),TOTAL,'@SUM(A1),-3");
    expect(lines[2]).toBe("340100,2025-06,'+X,TOTAL,'-Y,'=1+1");
  });

  it("round-trips through parseLongCsv", () => {
    const rowsOut = [
      {
        regionCode: "340100",
        period: "2025-06",
        indicatorCode: "FI03",
        scheme: "EMPLOYEE" as const,
        institutionCode: null,
        value: "1234.5",
      },
      {
        regionCode: "340100",
        period: "2025-06",
        indicatorCode: "IN01",
        scheme: "RESIDENT" as const,
        institutionCode: "H34010000001",
        value: null,
      },
    ];
    const back = parseLongCsv(toLongCsv(rowsOut, { bom: true }));
    expect(back.issues).toEqual([]);
    expect(back.cells.map((c) => [c.indicatorCode, c.scheme, c.institutionCode, c.raw])).toEqual([
      ["FI03", "EMPLOYEE", null, "1234.5"],
      ["IN01", "RESIDENT", "H34010000001", ""],
    ]);
  });
});
