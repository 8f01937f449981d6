import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { readSheetFile } from "@/app/_server/sheets/read-sheet-file";
import { buildSheetTemplate, readSheetTemplate, sheetTemplateFileName } from "@/app/_server/sheets/sheet-template";
import { INSTITUTIONS, REGION, TINY, indicator } from "../helpers/sheet-catalogue";
import { minimalXlsxParts, xlsxOf, zipOf } from "../helpers/table-files";

const CATALOGUE = { code: "TEST-2025", indicators: TINY };
const build = () => buildSheetTemplate({ region: REGION, period: "2025-06", catalogue: CATALOGUE, institutions: INSTITUTIONS });

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
/** Opens the template, lets the test edit it as a user would in Excel, and saves it again. */
async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook, region: ExcelJS.Worksheet, inst: ExcelJS.Worksheet) => void) {
  const wb = await load(bytes);
  change(wb, wb.getWorksheet("区域表")!, wb.getWorksheet("机构表")!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const filled = (cells: { raw: string }[]) => cells.filter((c) => c.raw !== "");

describe("buildSheetTemplate", () => {
  it("lays out the region sheet by category with scheme columns, greying the schemes an indicator lacks", async () => {
    const wb = await load(await build());
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["区域表", "visible"],
      ["机构表", "visible"],
      ["填写说明", "visible"],
      ["_meta", "hidden"],
    ]);
    const rs = wb.getWorksheet("区域表")!;
    expect(rs.getRow(2).values).toEqual([undefined, "类别", "指标编码", "指标名称", "单位", "职工", "居民", "合计"]);
    // Region-level inputs only (no derived FI05, no institution-level IN01/IN02), grouped by category.
    const codes: string[] = [];
    for (let r = 3; r <= rs.rowCount; r++) codes.push(String(rs.getCell(r, 2).value));
    expect(codes).toEqual(["FI01", "FI03", "FI04", "FE01", "FE02", "FB03", "FB04", "SV01", "SV02", "SC01", "LC01"]);
    expect(rs.getCell("A3").value).toBe("基金收入");
    expect(rs.getCell("A4").isMerged).toBe(true);
    // FI03 (row 4) is employee only: F4 and G4 are grey and locked, E4 open with a decimal validation.
    expect(rs.getCell("E4").protection).toMatchObject({ locked: false });
    expect(rs.getCell("F4").protection?.locked).not.toBe(false); // locked is Excel's default
    expect((rs.getCell("F4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9D9D9");
    expect(rs.getCell("E4").numFmt).toBe("#,##0.00");
    expect(rs.getCell("E3").numFmt).toBe("#,##0");
    expect(rs.getCell("E4").dataValidation).toMatchObject({ type: "decimal", allowBlank: true });
    expect(rs.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 2 });
    expect(rs.getColumn(3).width).toBeGreaterThan(20);
    expect((rs as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  });

  it("lays out the institution sheet: one row per institution, one column per indicator and scheme", async () => {
    const wb = await load(await build());
    const is = wb.getWorksheet("机构表")!;
    expect(is.getRow(2).values).toEqual([undefined, "机构编码", "机构名称", "等级", "IN01", "IN01", "IN01", "IN02"]);
    expect(is.getCell("D3").value).toBe("出院人次（人次）");
    expect(is.getCell("G3").value).toBe("次均住院费用（元）");
    expect(is.getRow(4).values).toEqual([undefined, "机构编码", "机构名称", "等级", "职工", "居民", "合计", "合计"]);
    expect(is.getRow(5).values).toEqual([undefined, "H34010000001", "合肥市第一人民医院", "三级"]);
    expect(is.getCell("C7").value).toBe("未定级");
    expect(is.getCell("D5").protection).toMatchObject({ locked: false });
    expect(is.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
  });

  it("writes region, period, catalogue and a template hash into the hidden _meta sheet", async () => {
    const wb = await load(await build());
    const meta = wb.getWorksheet("_meta")!;
    const kv = Object.fromEntries(
      meta
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as string[]).slice(1, 3)),
    );
    expect(kv).toMatchObject({ format: "liangdi-sheet-template", region_code: "340100", period: "2025-06", catalogue_code: "TEST-2025" });
    expect(kv.template_hash).toMatch(/^[0-9a-f]{64}$/);
    // The hash covers the layout only: the same layout under another period has the same hash…
    const other = await load(
      await buildSheetTemplate({ region: REGION, period: "2025-07", catalogue: CATALOGUE, institutions: INSTITUTIONS }),
    );
    expect(other.getWorksheet("_meta")!.getCell("B7").value).toBe(kv.template_hash);
    // …and one institution more changes it.
    const more = await load(
      await buildSheetTemplate({
        region: REGION,
        period: "2025-06",
        catalogue: CATALOGUE,
        institutions: [...INSTITUTIONS, { code: "H34010000004", name: "新医院", level: "一级" }],
      }),
    );
    expect(more.getWorksheet("_meta")!.getCell("B7").value).not.toBe(kv.template_hash);
    expect(sheetTemplateFileName(REGION, "2025-06")).toBe("合肥市2025年6月数据底稿.xlsx");
  });
});

describe("buildSheetTemplate: on paper and in an office suite's hands", () => {
  const PERCENT = {
    ...CATALOGUE,
    indicators: [
      ...TINY,
      indicator("IN10", {
        category: "医疗机构",
        nameZh: "DRG/DIP入组率",
        unit: "%",
        scope: "INSTITUTION",
        basis: "RATE",
        schemes: ["TOTAL"],
        maxValue: "100",
      }),
    ],
  };

  it("prints each sheet one page wide with its header rows repeated and page numbers", async () => {
    const wb = await load(await build());
    const setup = (name: string) => {
      const p = wb.getWorksheet(name)!.pageSetup;
      return [p.orientation, p.paperSize, p.fitToPage, p.fitToWidth, p.fitToHeight, p.printTitlesRow, p.printTitlesColumn];
    };
    expect(setup("区域表")).toEqual(["portrait", 9, true, 1, 0, "1:2", undefined]);
    expect(setup("机构表")).toEqual(["landscape", 9, true, 1, 0, "2:4", "A:C"]);
    expect(setup("填写说明")).toEqual(["portrait", 9, true, 1, 0, "12:12", undefined]);
    expect(wb.getWorksheet("机构表")!.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
  });

  it("wraps long names in rows tall enough, and fills input cells a visible yellow", async () => {
    const long = indicator("BG01", {
      category: "下一年度统筹地区医保总额",
      nameZh: "下一年度统筹地区医保基金支出总额（总额预算）",
      basis: "STOCK",
      schemes: ["TOTAL"],
    });
    const wb = await load(
      await buildSheetTemplate({
        region: REGION,
        period: "2025-06",
        catalogue: { code: "X", indicators: [long] },
        institutions: [{ code: "H34010000001", name: "合肥市第一人民医院（安徽医科大学附属医院东区分院）", level: "三级" }],
      }),
    );
    const rs = wb.getWorksheet("区域表")!;
    expect(rs.getCell("C3").alignment).toMatchObject({ wrapText: true });
    expect(rs.getCell("A3").alignment).toMatchObject({ wrapText: true });
    expect(rs.getRow(3).height).toBeGreaterThanOrEqual(30); // two lines
    expect((rs.getCell("G3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    const is = wb.getWorksheet("机构表")!;
    expect(is.getCell("B5").alignment).toMatchObject({ wrapText: true });
    expect(is.getRow(5).height).toBeGreaterThanOrEqual(30);
  });

  it("makes the % unit unmistakable: header, a number format that shows 0.9828 as 「0.9828%」, an input message", async () => {
    const wb = await load(await buildSheetTemplate({ region: REGION, period: "2025-06", catalogue: PERCENT, institutions: INSTITUTIONS }));
    const rs = wb.getWorksheet("区域表")!;
    expect(rs.getCell("D11").value).toBe("%（填 98.28）"); // SV02 住院率
    expect(rs.getCell("G11").numFmt).toBe('0.00##"%"'); // a literal %, not Excel's ×100 percent format
    expect(rs.getCell("G11").dataValidation).toMatchObject({ showInputMessage: true, prompt: expect.stringContaining("98.28% 填 98.28") });
    const is = wb.getWorksheet("机构表")!;
    expect(is.getCell("H3").value).toBe("DRG/DIP入组率（%，填 98.28）");
    expect(is.getCell("H5").numFmt).toBe('0.00##"%"');
  });

  it("keeps its print setup and input fill through a LibreOffice Calc save (test/fixtures/office-suite)", async () => {
    const wb = await load(readFileSync(path.join(__dirname, "../fixtures/office-suite/calc-2026-11.xlsx")));
    const rs = wb.getWorksheet("区域表")!;
    const is = wb.getWorksheet("机构表")!;
    // Calc writes fitToPage="true", which ExcelJS does not read as true; the sizes are what matter.
    expect(rs.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(is.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:4",
      printTitlesColumn: "A:C",
    });
    expect((rs.getCell("E3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
  });
});

describe("readSheetTemplate", () => {
  it("round-trips: cells filled in Excel come back with their locations, and open blanks as missing", async () => {
    const bytes = await edit(await build(), (_, rs, is) => {
      rs.getCell("E3").value = 1234567; // FI01 职工
      rs.getCell("E4").value = "1,234.5"; // FI03 职工, typed as text
      rs.getCell("G10").value = 2.9999999999999996; // SV01 合计, binary noise from a pasted formula result
      rs.getCell("F10").value = "１２"; // SV01 居民, full width
      is.getCell("D5").value = 120; // IN01 职工 H…01
      is.getCell("G7").value = 15000.25; // IN02 合计 H…03
    });
    const r = await readSheetTemplate(bytes, CATALOGUE);
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ regionCode: "340100", period: "2025-06", catalogueCode: "TEST-2025" });
    expect(filled(r.cells)).toEqual([
      { indicatorCode: "FI01", scheme: "EMPLOYEE", institutionCode: null, raw: "1234567", location: "区域表!E3" },
      { indicatorCode: "FI03", scheme: "EMPLOYEE", institutionCode: null, raw: "1,234.5", location: "区域表!E4" },
      { indicatorCode: "SV01", scheme: "RESIDENT", institutionCode: null, raw: "１２", location: "区域表!F10" },
      { indicatorCode: "SV01", scheme: "TOTAL", institutionCode: null, raw: "3", location: "区域表!G10" },
      { indicatorCode: "IN01", scheme: "EMPLOYEE", institutionCode: "H34010000001", raw: "120", location: "机构表!D5" },
      { indicatorCode: "IN02", scheme: "TOTAL", institutionCode: "H34010000003", raw: "15000.25", location: "机构表!G7" },
    ]);
    // Blanks: every open region cell (17) and every institution cell (3 × 4), none for grey cells.
    expect(r.cells).toHaveLength(17 + 12);
    expect(r.cells.some((c) => c.location === "区域表!F4")).toBe(false);

    const v = validateSheet({
      catalogue: TINY,
      regionCode: r.regionCode,
      period: r.period,
      expectedRegionCode: "340100",
      institutions: INSTITUTIONS,
      cells: r.cells,
      now: new Date("2025-07-10T00:00:00+08:00"),
    });
    expect(v.report.errors).toEqual([]);
    expect(v.values.find((x) => x.indicatorCode === "FI03")?.value).toBe("1234.5");
    expect(v.report.counts).toEqual({ cells: 29, values: 6, missing: 23 });
  });

  it("handles a region without institutions and a catalogue without institution-level indicators", async () => {
    const region = { code: "340100", name: "合肥市" };
    const onlyRegion = TINY.filter((i) => i.scope === "REGION");
    const bytes = await buildSheetTemplate({
      region,
      period: "2025-06",
      catalogue: { code: "R", indicators: onlyRegion },
      institutions: [],
    });
    const r = await readSheetTemplate(bytes, { code: "R", indicators: onlyRegion });
    expect(r.issues).toEqual([]);
    expect(r.cells.every((c) => c.institutionCode === null)).toBe(true);
  });

  it("hands its issues to validateSheet, which lists them first", async () => {
    const bytes = await edit(await build(), (_, rs) => (rs.getCell("E4").value = { formula: "1+1", result: 2 }));
    const r = await readSheetTemplate(bytes, CATALOGUE);
    const v = validateSheet({
      catalogue: TINY,
      regionCode: r.regionCode,
      period: r.period,
      expectedRegionCode: "340100",
      institutions: INSTITUTIONS,
      cells: r.cells,
      now: new Date("2025-07-10T00:00:00+08:00"),
      readIssues: r.issues,
    });
    expect(v.report.errors.map((e) => e.rule)).toEqual(["template.formula"]);
    expect(v.report.warnings.map((w) => w.rule)).toContain("missing.required");
  });

  it("keeps working when rows are only re-sorted", async () => {
    const bytes = await edit(await build(), (_, __, is) => {
      const [a, b] = [is.getRow(5).values, is.getRow(7).values];
      is.getRow(5).values = b as ExcelJS.CellValue[];
      is.getRow(7).values = a as ExcelJS.CellValue[];
      is.getCell("D5").value = 9; // now the row of H…03
    });
    const r = await readSheetTemplate(bytes, CATALOGUE);
    expect(r.issues).toEqual([]);
    expect(filled(r.cells)).toEqual([
      { indicatorCode: "IN01", scheme: "EMPLOYEE", institutionCode: "H34010000003", raw: "9", location: "机构表!D5" },
    ]);
  });

  it("refuses formula cells, naming each one", async () => {
    const bytes = await edit(await build(), (_, rs, is) => {
      rs.getCell("E4").value = { formula: "1+1", result: 2 };
      is.getCell("E6").value = { formula: "D6*2", result: 0 };
    });
    const r = await readSheetTemplate(bytes, CATALOGUE);
    expect(r.issues.map((i) => [i.rule, i.location])).toEqual([
      ["template.formula", "区域表!E4"],
      ["template.formula", "机构表!E6"],
    ]);
    expect(r.issues[0].message.startsWith("区域表!E4 含公式，请粘贴为数值")).toBe(true);
    expect(r.cells.some((c) => c.location === "区域表!E4")).toBe(false);
  });

  it("refuses a template whose rows or columns were edited (template hash)", async () => {
    const extraRow = await edit(await build(), (_, rs) => {
      rs.getCell("B14").value = "FI03";
      rs.getCell("E14").value = 5;
    });
    const r = await readSheetTemplate(extraRow, CATALOGUE);
    expect(r.issues.map((i) => i.rule)).toEqual(["template.layout-changed"]);
    expect(r.issues[0].message).toContain("模板的行列结构与下载时不一致");

    const lessInstitutions = await edit(await build(), (_, __, is) => is.spliceRows(7, 1));
    expect((await readSheetTemplate(lessInstitutions, CATALOGUE)).issues.map((i) => i.rule)).toEqual(["template.layout-changed"]);

    const extraColumn = await edit(await build(), (_, __, is) => {
      is.getCell("H2").value = "IN03";
      is.getCell("H4").value = "职工";
    });
    expect((await readSheetTemplate(extraColumn, CATALOGUE)).issues.map((i) => i.rule)).toEqual(["template.layout-changed"]);
  });

  it("refuses files that are not our template: no _meta sheet, or a garbled one", async () => {
    const plain = await xlsxOf([
      ["指标编码", "职工"],
      ["FI03", 1],
    ]);
    const r = await readSheetTemplate(plain, CATALOGUE);
    expect(r).toMatchObject({ regionCode: null, period: null, cells: [] });
    expect(r.issues.map((i) => i.rule)).toEqual(["template.meta"]);
    expect(r.issues[0].message).toContain("不是本平台生成的数据底稿模板");

    const garbled = await edit(await build(), (wb) => (wb.getWorksheet("_meta")!.getCell("B5").value = "2025年6月"));
    expect((await readSheetTemplate(garbled, CATALOGUE)).issues.map((i) => i.rule)).toEqual(["template.meta"]);
    const noMeta = await edit(await build(), (wb) => wb.removeWorksheet(wb.getWorksheet("_meta")!.id));
    expect((await readSheetTemplate(noMeta, CATALOGUE)).issues.map((i) => i.rule)).toEqual(["template.meta"]);
  });

  it("refuses personal-data columns and sheets", async () => {
    const bytes = await edit(await build(), (wb, rs) => {
      rs.getCell("H2").value = "身份证号";
      wb.addWorksheet("明细").addRow(["患者姓名", "手机号", "金额"]);
    });
    const r = await readSheetTemplate(bytes, CATALOGUE);
    const pd = r.issues.filter((i) => i.rule === "personal-data.column");
    expect(pd.map((i) => i.location)).toEqual(["区域表!H2", "明细!A1", "明细!B1"]);
    expect(pd[0].message).toBe("疑似个人信息列“身份证号”（区域表!H2），平台不接收个人信息。请删除该列及其数据后重新上传。");
    expect(r.issues.map((i) => i.rule)).toContain("template.layout-changed");
  });

  it("refuses dates and values in rows without a code; returns the template's catalogue code for the caller to judge", async () => {
    const bytes = await edit(await build(), (_, rs, is) => {
      rs.getCell("E4").value = new Date("2025-06-01"); // what Excel makes of "2025-6-1" typed into a cell
      rs.getCell("E4").numFmt = "yyyy-mm-dd";
      is.getCell("D9").value = 5;
    });
    const r = await readSheetTemplate(bytes, { ...CATALOGUE, code: "TEST-2026" });
    expect(r.catalogueCode).toBe("TEST-2025");
    expect(r.issues.map((i) => [i.severity, i.rule, i.location])).toEqual([
      ["ERROR", "template.date", "区域表!E4"],
      ["ERROR", "template.orphan-value", "机构表!D9"],
    ]);
  });

  it("refuses renamed files, macros and zip bombs with read-table-file's messages", async () => {
    await expect(readSheetTemplate(Buffer.from("%PDF-1.7 not a workbook"), CATALOGUE)).rejects.toThrow("可能只是改了扩展名");
    await expect(readSheetTemplate(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), CATALOGUE)).rejects.toThrow("旧版 Excel");
    const macro = zipOf([...minimalXlsxParts(), { name: "xl/vbaProject.bin", data: Buffer.alloc(100) }]);
    await expect(readSheetTemplate(macro, CATALOGUE)).rejects.toThrow("宏");
    await expect(readSheetFile("底稿.xlsm", await build(), CATALOGUE)).rejects.toThrow("宏");
    const bomb = zipOf([
      ...minimalXlsxParts(),
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1024 * 1024), declaredSize: 0xfffffff0 },
    ]);
    await expect(readSheetTemplate(bomb, CATALOGUE)).rejects.toThrow("压缩炸弹");
    const slip = zipOf([...minimalXlsxParts(), { name: "../../../../evil.txt", data: Buffer.from("evil") }]);
    await expect(readSheetTemplate(slip, CATALOGUE)).rejects.toThrow("路径异常");
    await expect(readSheetFile("底稿.csv", await build(), CATALOGUE)).rejects.toThrow("扩展名是 .csv");
  });

  it("reads and validates 5,000 institutions × 20 indicators", async () => {
    const inds = Array.from({ length: 20 }, (_, i) =>
      indicator(`IN${String(i + 1).padStart(2, "0")}`, { scope: "INSTITUTION", unit: "人次", schemes: ["TOTAL"] }),
    );
    const institutions = Array.from({ length: 5000 }, (_, i) => ({
      code: `H3401${String(i).padStart(7, "0")}`,
      name: `医院${i}`,
      level: "二级",
    }));
    const catalogue = { code: "BIG", indicators: inds };
    let t = performance.now();
    const template = await buildSheetTemplate({ region: REGION, period: "2025-06", catalogue, institutions });
    const buildMs = performance.now() - t;
    const bytes = await edit(template, (_, __, is) => {
      for (let r = 5; r < 5005; r++) {
        const row = is.getRow(r);
        for (let c = 4; c < 24; c++) row.getCell(c).value = r * 10 + c;
      }
    });
    t = performance.now();
    const read = await readSheetTemplate(bytes, catalogue);
    const readMs = performance.now() - t;
    t = performance.now();
    const v = validateSheet({
      catalogue: inds,
      regionCode: read.regionCode,
      period: read.period,
      expectedRegionCode: "340100",
      institutions,
      cells: read.cells,
      now: new Date("2025-07-10T00:00:00+08:00"),
    });
    const validateMs = performance.now() - t;
    console.log(
      `5,000 × 20: template ${(template.length / 1024).toFixed(0)} KiB built in ${buildMs.toFixed(0)} ms; ` +
        `filled ${(bytes.length / 1024).toFixed(0)} KiB read in ${readMs.toFixed(0)} ms; validated in ${validateMs.toFixed(0)} ms`,
    );
    expect(read.issues).toEqual([]);
    expect(v.report.errors).toEqual([]);
    expect(v.report.counts).toEqual({ cells: 100_000, values: 100_000, missing: 0 });
  }, 120_000);
});
