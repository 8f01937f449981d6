import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SheetIssue } from "@/app/_domain/sheets/types";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet, type UploadSheetResult } from "@/app/_server/sheets/upload-sheet";
import { createUserSession, createWorld } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Files written by LibreOffice Calc 7.4 the way a clerk writes them: the templates of 2026-10 and 2026-11 for
 * region A, opened in Calc, every value typed in, saved (test/fixtures/office-suite/make-fixtures.sh made
 * them; WPS behaves alike). October is uploaded and accepted first, so November has a previous month.
 */
const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/office-suite", name));
const SAVE_AS = "请在 WPS/LibreOffice 中另存为 Excel 2007-365（.xlsx）后上传";

describe("[DATA_ENTRY][sheets]: the template filled and saved by LibreOffice Calc", () => {
  const prisma = useTestDatabase();
  let entry: Session;
  const upload = (fileName: string, bytes = fixture(fileName)) =>
    uploadSheet(entry, { source: { kind: "file", fileName, bytes }, dryRun: true });
  const reportOf = (r: UploadSheetResult) => ("report" in r ? r.report : { errors: [], warnings: [] });
  const brief = (issues: SheetIssue[]) => issues.map((i) => [i.rule, i.location]);

  beforeAll(async () => {
    const w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    // The fixtures are templates of NHSA-2025-03 (build-template.ts: the first built-in version): the region uses it.
    const v1 = await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03" } });
    await prisma().region.update({ where: { id: w.regionA.id }, data: { catalogueVersionId: v1.id } });
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    const reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    const october = await uploadSheet(entry, {
      source: { kind: "file", fileName: "calc-2026-10.xlsx", bytes: fixture("calc-2026-10.xlsx") },
    });
    if (!october.ok || october.dryRun || october.unchanged) throw new Error(`October refused: ${JSON.stringify(reportOf(october))}`);
    await reviewSheet(reviewer, { versionId: october.versionId, decision: "ACCEPT" });
  });

  it("accepts the filled template as Calc saved it: no error, no warning", async () => {
    const r = await upload("calc-2026-11.xlsx");
    expect(reportOf(r)).toMatchObject({ errors: [], warnings: [] });
    expect(r).toMatchObject({ ok: true, period: "2026-11" });
  });

  it("warns when a percentage was typed with its sign (Calc stores 98.28% as 0.9828), and checks rates month on month", async () => {
    const r = await upload("calc-2026-11-percent.xlsx");
    expect(r).toMatchObject({ ok: true, dryRun: true }); // a dry run reports warnings without asking for explanations
    const { errors, warnings } = reportOf(r);
    expect(errors).toEqual([]);
    expect(brief(warnings)).toEqual([
      ["value.percent-as-fraction", "区域表!G22"],
      ["cross.mom-change", "区域表!G23"],
      ["value.percent-as-fraction", "机构表!J5"],
    ]);
    const byCell = new Map(warnings.map((w) => [w.location, w.message]));
    expect(byCell.get("区域表!G22")).toContain("疑似按小数填写：98.28% 应填 98.28");
    expect(byCell.get("区域表!G22")).toContain("上月为 25");
    expect(byCell.get("机构表!J5")).toContain("疑似按小数填写：95% 应填 95");
    // PM07 went from 25 to 40: a rate's month-on-month change is checked like a flow's.
    expect(byCell.get("区域表!G23")).toMatch(/PM07 .*本期数 40 比上月 25 增加 60\.0%/);
  });

  it("catches a date typed into number cells that kept their number format: a stock by month on month, a rate by its bounds", async () => {
    const r = await upload("calc-2026-11-date-typed.xlsx");
    const { errors, warnings } = reportOf(r);
    // 2026-11-30 typed into 职工医保参保人数 (E3, format #,##0) is 46,356 people instead of 1,000.
    expect(brief(warnings)).toEqual([["cross.mom-change", "区域表!E3"]]);
    expect(warnings[0].message).toContain("月末数 46,356 比上月 1,000 增加");
    expect(warnings[0].message).toContain("若误把日期 2026-11-30 填进了数值单元格，请改为数值");
    // …and into 医保结算清单质控通过率 (G23), 46356 %: out of range.
    expect(brief(errors)).toEqual([["value.out-of-range", "区域表!G23"]]);
    expect(errors[0].message).toContain("超出合理范围（0 至 100 %）；若误把日期 2026-11-30 填进了数值单元格，请改为数值。");
  });

  it("refuses a date in a cell that carries a date format, once, naming the cell", async () => {
    const r = await upload("calc-2026-11-date-format.xlsx");
    const { errors, warnings } = reportOf(r);
    expect(brief(errors)).toEqual([["template.date", "区域表!E3"]]);
    expect(errors[0].message.startsWith("区域表!E3 是日期，不是数值")).toBe(true);
    expect(warnings).toEqual([]); // not also 「缺少数值」 for FI01
  });

  it("refuses a formula with one message: the cell is not also reported missing", async () => {
    const r = await upload("calc-2026-11-formula.xlsx");
    const { errors, warnings } = reportOf(r);
    expect(brief(errors)).toEqual([["template.formula", "区域表!E5"]]);
    expect(warnings).toEqual([]);
  });

  it("recognises OpenDocument and old Excel files, whatever their name, and says how to save them from WPS/LibreOffice", async () => {
    const ods = fixture("calc-2026-11.ods");
    await expect(upload("底稿.xlsx", ods)).rejects.toThrow(`这是 OpenDocument（.ods）文件，${SAVE_AS}`);
    await expect(upload("底稿.csv", ods)).rejects.toThrow(`这是 OpenDocument（.ods）文件，${SAVE_AS}`);
    await expect(upload("底稿.ods", ods)).rejects.toThrow(`不支持 OpenDocument（.ods）文件，${SAVE_AS}`);
    const xls = fixture("calc-2026-11.xls");
    await expect(upload("底稿.xls", xls)).rejects.toThrow(`不支持旧版 Excel（.xls）文件，${SAVE_AS}`);
    await expect(upload("底稿.xlsx", xls)).rejects.toThrow(SAVE_AS);
    // Each refusal leaves an audit row.
    expect(
      await prisma().auditEvent.count({ where: { action: "sheet.upload", result: "FAILURE", actorId: entry.userId } }),
    ).toBeGreaterThanOrEqual(5);
  });

  it("answers a CSV export of 区域表 with the header error alone, not region and period noise", async () => {
    const r = await upload("calc-2026-11-region.csv");
    expect(r).toMatchObject({ ok: false, stage: "errors" });
    expect(brief(reportOf(r).errors)).toEqual([["csv.header", "第 1 行"]]);
    expect(reportOf(r).warnings).toEqual([]);
  });
});
