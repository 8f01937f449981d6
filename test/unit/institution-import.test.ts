import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, mapImportHeader, parseInstitutionRow, parseLevel, parseType } from "@/app/_domain/institutions";
import { checkZip, decodeText, parseCsv, readTableFile, tableFileKind } from "@/app/_server/admin/read-table-file";
import { encodeGbk, minimalXlsxParts, zipOf } from "../helpers/table-files";

const good = {
  code: "H34010000011",
  name: "合肥市第一人民医院",
  regionCode: "340100",
  level: "三级",
  type: "综合",
};
const issuesOf = (raw: Record<string, string>, row = 2) => parseInstitutionRow(raw, row).issues;

describe("mapImportHeader", () => {
  it("maps the Chinese and English names in any order, ignoring BOM, spaces, asterisks and case", () => {
    const { keys, issues } = mapImportHeader(["\uFEFF机构编码*", " 机构 名称 ", "REGIONCODE", "医院等级＊", "type", "", "床位数"]);
    expect(issues).toEqual([]);
    expect(keys).toEqual(["code", "name", "regionCode", "level", "type", undefined, "beds"]);
  });

  it("reports unknown columns, missing required columns and duplicated columns, all on row 1", () => {
    const { issues } = mapImportHeader(["机构代码", "机构名称", "统筹区编码", "医院等级", "机构类别", "机构名称"]);
    expect(issues).toEqual([
      { row: 1, column: "机构代码", message: "无法识别的列“机构代码”" },
      { row: 1, column: "机构名称", message: "列“机构名称”重复出现" },
      { row: 1, column: "机构编码", message: "缺少必填列“机构编码”" },
    ]);
  });

  it("reports every required column of an empty header", () => {
    const { issues } = mapImportHeader([]);
    expect(issues.map((i) => i.column)).toEqual(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.zh));
  });
});

describe("parseInstitutionRow", () => {
  it("parses a full row with labels, normalising code case, bed commas and Chinese dates", () => {
    const r = parseInstitutionRow(
      { ...good, code: " h34010000011 ", district: "蜀山区", beds: "1,200", designatedSince: "2019年7月1日", active: "否" },
      5,
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      code: "H34010000011",
      name: "合肥市第一人民医院",
      regionCode: "340100",
      level: "LEVEL_3",
      type: "GENERAL",
      district: "蜀山区",
      beds: 1200,
      designatedSince: "2019-07-01",
      active: false,
    });
  });

  it("defaults the optional columns", () => {
    expect(parseInstitutionRow(good, 2).value).toMatchObject({ district: null, beds: null, designatedSince: null, active: true });
  });

  it("reports every empty required cell with the row number and the Chinese column name", () => {
    expect(issuesOf({}, 7)).toEqual(IMPORT_COLUMNS.filter((c) => c.required).map((c) => ({ row: 7, column: c.zh, message: "必填项为空" })));
  });

  it("rejects malformed codes and a code outside its region", () => {
    expect(issuesOf({ ...good, code: "H3401000001" })[0].message).toContain("不是有效的机构编码");
    expect(issuesOf({ ...good, code: "X34010000011" })[0].column).toBe("机构编码");
    expect(issuesOf({ ...good, regionCode: "34010" })[0]).toMatchObject({ column: "统筹区编码" });
    expect(issuesOf({ ...good, code: "H34020000011" })[0].message).toContain("与统筹区编码 340100 不一致");
  });

  it("accepts level and type labels and codes, and rejects unknown ones", () => {
    expect(parseLevel("三甲")).toBe("LEVEL_3");
    expect(parseLevel("二级乙等")).toBe("LEVEL_2");
    expect(parseLevel("1级")).toBe("LEVEL_1");
    expect(parseLevel("level_2")).toBe("LEVEL_2");
    expect(parseLevel("未定级")).toBe("UNRATED");
    expect(parseLevel("30")).toBeUndefined();
    expect(parseType("中医医院")).toBe("TCM");
    expect(parseType("乡镇卫生院")).toBe("PRIMARY");
    expect(parseType("specialty")).toBe("SPECIALTY");
    expect(issuesOf({ ...good, level: "特级" })[0].message).toContain("无法识别的医院等级“特级”");
    expect(issuesOf({ ...good, type: "药店" })[0].message).toContain("无法识别的机构类别“药店”");
  });

  it("rejects bed counts that are not whole numbers in range", () => {
    for (const beds of ["-1", "1.5", "20001", "abc", "1e3", "0x10"])
      expect(issuesOf({ ...good, beds }), beds).toEqual([{ row: 2, column: "床位数", message: `床位数“${beds}”应为 0–20000 的整数` }]);
    expect(parseInstitutionRow({ ...good, beds: "0" }, 2).value?.beds).toBe(0);
    expect(parseInstitutionRow({ ...good, beds: "20000" }, 2).value?.beds).toBe(20000);
  });

  it("rejects impossible or out-of-range dates and accepts the usual separators", () => {
    for (const d of ["2019-02-29", "2019-13-01", "2019-07-00", "0019-07-01", "2019-07", "07/01/2019", "43647"])
      expect(issuesOf({ ...good, designatedSince: d })[0]?.column, d).toBe("定点起始日期");
    expect(parseInstitutionRow({ ...good, designatedSince: "2020-02-29" }, 2).value?.designatedSince).toBe("2020-02-29");
    expect(parseInstitutionRow({ ...good, designatedSince: "2019/7/1" }, 2).value?.designatedSince).toBe("2019-07-01");
    expect(parseInstitutionRow({ ...good, designatedSince: "2019.07.01" }, 2).value?.designatedSince).toBe("2019-07-01");
  });

  it("reads 是/否 and its variants, and rejects anything else", () => {
    for (const a of ["是", "有效", "1", "y", "TRUE"]) expect(parseInstitutionRow({ ...good, active: a }, 2).value?.active, a).toBe(true);
    for (const a of ["否", "停用", "0", "N", "false"]) expect(parseInstitutionRow({ ...good, active: a }, 2).value?.active, a).toBe(false);
    expect(issuesOf({ ...good, active: "也许" })[0].message).toBe("“也许”应填 是 或 否");
  });

  it("applies the form's length limits to name and district", () => {
    expect(issuesOf({ ...good, name: "院" })[0].message).toContain("2–100 个字");
    expect(issuesOf({ ...good, name: "医".repeat(101) })[0].column).toBe("机构名称");
    expect(issuesOf({ ...good, district: "区".repeat(51) })[0].column).toBe("所在区县");
  });

  it("reports several issues of one row together", () => {
    expect(issuesOf({ ...good, level: "?", type: "?", beds: "x" }).map((i) => i.column)).toEqual(["医院等级", "机构类别", "床位数"]);
  });
});

describe("CSV reading", () => {
  it("parses quoted fields with commas, doubled quotes and line breaks, and trims cells", () => {
    expect(parseCsv('a, b ,c\r\n"x,1","say ""hi""","two\nlines"\n\n last ,,\r')).toEqual([
      ["a", "b", "c"],
      ["x,1", 'say "hi"', "two\nlines"],
      [],
      ["last", "", ""],
    ]);
  });

  it("keeps a quote inside an unquoted field, and refuses an unclosed quote naming its row", () => {
    expect(parseCsv('a,b\r\n5" screen,x')).toEqual([
      ["a", "b"],
      ['5" screen', "x"],
    ]);
    expect(() => parseCsv('a,b\r\nx,"open\r\ny,z')).toThrow("第 2 行有未闭合的引号");
  });

  it("keeps date-like and number-like strings as they are", () => {
    expect(parseCsv("d,n\n2019-07-01,0012\n1/2/2020,1e3")).toEqual([
      ["d", "n"],
      ["2019-07-01", "0012"],
      ["1/2/2020", "1e3"],
    ]);
  });

  it("accepts tab-separated text when the header has no comma", () => {
    expect(parseCsv("机构编码\t机构名称\nH1\t某医院")).toEqual([
      ["机构编码", "机构名称"],
      ["H1", "某医院"],
    ]);
  });

  it("decodes UTF-8 with or without BOM, UTF-16 with BOM, and GBK", () => {
    const text = "机构编码,机构名称\n";
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
    expect(decodeText(encodeGbk(text))).toBe(text);
    expect(() => decodeText(Buffer.from([0x61, 0x81, 0x30]))).toThrow("无法识别文件的文字编码");
  });
});

describe("file checks", () => {
  it("accepts only .xlsx and .csv, naming the problem with the others", () => {
    expect(tableFileKind("机构.XLSX")).toBe("xlsx");
    expect(tableFileKind("a.b.csv")).toBe("csv");
    expect(() => tableFileKind("机构.xls")).toThrow("旧版 Excel");
    expect(() => tableFileKind("机构.xlsm")).toThrow("宏");
    expect(() => tableFileKind("机构.txt")).toThrow("只支持 .xlsx 或 .csv");
    expect(() => tableFileKind("xlsx")).toThrow("只支持 .xlsx 或 .csv");
  });

  it("refuses empty files, and an xlsx under a .csv name", async () => {
    await expect(readTableFile("a.csv", Buffer.alloc(0))).rejects.toThrow("空的");
    await expect(readTableFile("a.csv", zipOf(minimalXlsxParts()))).rejects.toThrow("扩展名是 .csv");
  });

  it("drops trailing blank rows but keeps blank rows in between, so row numbers stay true", async () => {
    const { rows } = await readTableFile("a.csv", Buffer.from("h1,h2\n\nx,y\n,\n\n"));
    expect(rows).toEqual([["h1", "h2"], [], ["x", "y"]]);
  });

  it("refuses a ZIP whose declared or actual size is too large, or that is truncated", () => {
    const zeros = Buffer.alloc(1024 * 1024);
    expect(() =>
      checkZip(zipOf([...minimalXlsxParts(), { name: "xl/worksheets/sheet1.xml", data: zeros, declaredSize: 0xfffffff0 }])),
    ).toThrow("压缩炸弹");
    expect(() => checkZip(zipOf([...minimalXlsxParts(), { name: "xl/worksheets/sheet1.xml", data: zeros, declaredSize: 100 }]))).toThrow(
      "压缩炸弹",
    );
    expect(() => checkZip(zipOf([...minimalXlsxParts(), { name: "xl/vbaProject.bin", data: zeros }]))).toThrow("宏");
    const ok = zipOf([...minimalXlsxParts(), { name: "xl/worksheets/sheet1.xml", data: zeros }]);
    expect(() => checkZip(ok)).not.toThrow();
    expect(() => checkZip(ok.subarray(0, ok.length - 30))).toThrow("结构已损坏");
  });

  // Issue 16, finding 5: an xlsx holding `../../../../evil.txt` was accepted and stored (zip slip).
  it.each([
    "../../../../evil.txt",
    "xl/../../evil.txt",
    "/etc/evil.txt",
    "C:/evil.txt",
    "c:evil.txt",
    "xl\\..\\evil.txt",
    "\\\\host\\share\\evil.txt",
    "xl/evil\u0000.txt",
  ])("refuses a workbook with the zip entry %j in Chinese", async (name) => {
    const zip = zipOf([...minimalXlsxParts(), { name, data: Buffer.from("evil") }]);
    expect(() => checkZip(zip)).toThrow("路径异常");
    await expect(readTableFile("机构.xlsx", zip)).rejects.toThrow("路径异常");
  });

  it("accepts ordinary entry names, dots inside names included", () => {
    expect(() => checkZip(zipOf([...minimalXlsxParts(), { name: "xl/media/image..1.png", data: Buffer.from("x") }]))).not.toThrow();
  });
});
