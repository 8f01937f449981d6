import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { CATALOGUE_HEADER_ZH } from "@/app/_domain/catalogues/table-format";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { exportCatalogueVersion } from "@/app/_server/catalogue/export-catalogue-version";
import { importCatalogueVersion } from "@/app/_server/catalogue/import-catalogue-version";
import { toIndicatorDef } from "@/app/_server/catalogue/indicator-rows";
import { createUserSession } from "../helpers/fixtures";
import { utf8BomCsv } from "../helpers/table-files";
import { useTestDatabase } from "../helpers/test-database";

describe("catalogue export and import", () => {
  const prisma = useTestDatabase();
  let admin: Session;
  beforeAll(async () => {
    await ensureBuiltInCatalogues(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
  });

  const indicatorsOf = async (code: string): Promise<IndicatorDef[]> => {
    const v = await prisma().catalogueVersion.findUniqueOrThrow({ where: { code } });
    const rows = await prisma().indicator.findMany({ where: { catalogueVersionId: v.id, regionId: null }, orderBy: { sortOrder: "asc" } });
    return rows.map(toIndicatorDef);
  };

  for (const source of ["NHSA-2025-03", "NHSA-2025-03-V2"])
    for (const format of ["xlsx", "csv"] as const)
      it(`exports ${source} as ${format} and imports it back as a new version, every field of every indicator equal`, async () => {
        const file = await exportCatalogueVersion(admin, { code: source, format });
        expect(file.fileName).toBe(`指标目录_${source}.${format}`);
        const code = `${source}-COPY-${format.toUpperCase()}`;
        const result = await importCatalogueVersion(admin, { code, name: `副本 ${format}`, fileName: file.fileName, bytes: file.bytes });
        expect(result).toEqual({ ok: true, code, indicators: 69 });
        // V2's BY_SCHEME formulas pass the import's checks and come back as they were.
        expect(await indicatorsOf(code)).toEqual(await indicatorsOf(source));
        const version = await prisma().catalogueVersion.findUniqueOrThrow({ where: { code } });
        expect(version).toMatchObject({ name: `副本 ${format}`, reconstructed: false });
        const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "catalogue.import", objectId: version.id } });
        expect(audit.result).toBe("SUCCESS");
        expect(await prisma().auditEvent.count({ where: { action: "catalogue.export", actorId: admin.userId } })).toBeGreaterThan(0);
      });

  it("writes the header in Chinese, every cell as text, and a second sheet with instructions", async () => {
    const file = await exportCatalogueVersion(admin, { code: "NHSA-2025-03", format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("指标目录");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(CATALOGUE_HEADER_ZH);
    expect(ws.getRow(2).getCell(1).value).toBe("FI01");
    expect(ws.getRow(2).getCell(12).value).toBe("50000000"); // 上限 as text, not a number
    expect(wb.worksheets[1].name).toBe("说明");
    const csv = (await exportCatalogueVersion(admin, { code: "NHSA-2025-03", format: "csv" })).bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").split("\r\n")[0]).toBe("\uFEFF" + CATALOGUE_HEADER_ZH.join(","));
  });

  it("neutralises cells that a spreadsheet would run as formulas, keeps plain negative numbers, and imports them back unchanged", async () => {
    const header = [
      "指标编码",
      "类别",
      "指标名称",
      "单位",
      "频次",
      "险种",
      "层级",
      "数值类型",
      "计算公式",
      "下限",
      "上限",
      "口径说明",
      "标签",
    ];
    const rows = [
      header,
      [
        "ZZ01",
        "@SUM(1)",
        '=HYPERLINK("http://x","点我")',
        "万元",
        "月",
        "合计",
        "统筹区",
        "流量",
        "",
        "-100",
        "100",
        "+cmd|' /C calc'!A0",
        "国家底稿必选",
      ],
      ["ZZ02", "测试", "负值公式", "万元", "月", "合计", "统筹区", "流量", "-ZZ01 + 1", "", "", "-说明", "国家底稿必选"],
    ];
    expect(
      await importCatalogueVersion(admin, { code: "INJECT-1", name: "注入测试", fileName: "i.csv", bytes: utf8BomCsv(rows) }),
    ).toMatchObject({ ok: true });
    const before = await indicatorsOf("INJECT-1");
    expect(before[0]).toMatchObject({
      category: "@SUM(1)",
      nameZh: '=HYPERLINK("http://x","点我")',
      minValue: "-100",
      definition: "+cmd|' /C calc'!A0",
    });
    expect(before[1]).toMatchObject({ formula: "-ZZ01 + 1", definition: "-说明" });

    const csv = (await exportCatalogueVersion(admin, { code: "INJECT-1", format: "csv" })).bytes.toString("utf8");
    const lines = csv.split("\r\n");
    expect(lines[1]).toContain(`'@SUM(1)`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(lines[1]).toContain(`,-100,`);
    expect(lines[1]).toContain(`'+cmd|' /C calc'!A0`);
    expect(lines[2]).toContain(`'-ZZ01 + 1`);
    const xlsx = await exportCatalogueVersion(admin, { code: "INJECT-1", format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets[0].getRow(2).getCell(3).value).toBe(`'=HYPERLINK("http://x","点我")`);

    for (const [format, file] of [
      ["csv", Buffer.from(csv, "utf8")],
      ["xlsx", xlsx.bytes],
    ] as const) {
      const code = `INJECT-${format.toUpperCase()}`;
      expect(await importCatalogueVersion(admin, { code, name: "再导入", fileName: `x.${format}`, bytes: file })).toMatchObject({
        ok: true,
      });
      expect(await indicatorsOf(code)).toEqual(before);
    }
  });

  it("reports every bad row with its row, column and a Chinese message, and writes nothing but one FAILURE audit row", async () => {
    const header = [...CATALOGUE_HEADER_ZH];
    const row = (cells: Partial<Record<string, string>>) => header.map((h) => cells[h] ?? "");
    const ok = {
      指标编码: "BD01",
      类别: "测试",
      指标名称: "好指标",
      单位: "人",
      频次: "月",
      险种: "合计",
      层级: "统筹区",
      数值类型: "存量",
      标签: "国家底稿必选",
    };
    const file = utf8BomCsv([
      header,
      row(ok), // 2: fine
      row({ ...ok, 指标编码: "BD02", 频次: "每周", 险种: "职工、农民" }), // 3
      row({ ...ok, 指标编码: "BD01" }), // 4: duplicate code
      row({ ...ok, 指标编码: "BD03", 计算公式: "BD01 + ", 下限: "10", 上限: "1" }), // 5: syntax, min > max
      row({ ...ok, 指标编码: "BD04", 计算公式: "BD01 + NOPE" }), // 6: unknown indicator
      row({ ...ok, 指标编码: "BD05", 计算公式: "BD06 * 2" }), // 7: cycle
      row({ ...ok, 指标编码: "BD06", 计算公式: "BD05 / 2" }), // 8: cycle
      row({ ...ok, 指标编码: "BD07", 指标名称: "", 单位: "", 下限: "abc" }), // 9
      row({ ...ok, 指标编码: "BD08", 险种: "职工", 计算公式: "BD01 * 2" }), // 10: BD01 has no 职工 value
    ]);
    const result = await importCatalogueVersion(admin, { code: "BAD-1", name: "有问题的目录", fileName: "bad.csv", bytes: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (r: number) => result.issues.filter((i) => i.row === r).map((i) => `${i.column}: ${i.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(["频次: 无法识别的频次“每周”（可填 月、季、年）", "险种: 无法识别的险种“农民”（可填 职工、居民、合计）"]);
    expect(at(4)).toEqual(["指标编码: 指标编码 BD01 与第 2 行重复"]);
    expect(at(5)).toEqual(["计算公式: 公式有误：公式末尾缺少运算数（第 7 个字符处）", "上限: 上限 1 小于下限 10"]);
    expect(at(6)).toEqual(["计算公式: 未知指标 NOPE（第 8 个字符处）"]);
    expect(at(7)).toEqual(["计算公式: 循环引用：BD05 → BD06 → BD05"]);
    expect(at(8)).toEqual(["计算公式: 循环引用：BD06 → BD05 → BD06"]);
    expect(at(9)).toEqual(["指标名称: 必填项为空", "单位: 必填项为空", "下限: “abc”不是有效的数值"]);
    expect(at(10)).toEqual([expect.stringContaining("计算公式: 指标 BD01 没有“职工”险种的数值")]);
    expect(result.counts).toEqual({ rows: 9, rowsWithIssues: 8, issues: result.issues.length });

    expect(await prisma().catalogueVersion.findUnique({ where: { code: "BAD-1" } })).toBeNull();
    expect(await prisma().indicator.count({ where: { code: { startsWith: "BD" } } })).toBe(0);
    const failures = await prisma().auditEvent.findMany({
      where: { action: "catalogue.import", result: "FAILURE", actorId: admin.userId },
    });
    expect(failures).toHaveLength(1);
    expect(failures[0].detail).toMatchObject({ code: "BAD-1", fileName: "bad.csv", rows: 9, rowsWithIssues: 8 });
  });

  it("refuses an existing code, a bad header, a bad version code and an unreadable file, each audited as FAILURE", async () => {
    const before = await prisma().auditEvent.count({ where: { action: "catalogue.import", result: "FAILURE" } });
    const good = utf8BomCsv([
      CATALOGUE_HEADER_ZH,
      ["OK01", "测试", "指标", "", "人", "月", "合计", "统筹区", "存量", "", "", "", "", "国家底稿必选", ""],
    ]);
    await expect(
      importCatalogueVersion(admin, { code: "NHSA-2025-03", name: "覆盖内置", fileName: "a.csv", bytes: good }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已存在"),
    });
    await expect(importCatalogueVersion(admin, { code: "坏编码", name: "x目录", fileName: "a.csv", bytes: good })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(importCatalogueVersion(admin, { code: "OK-XLS", name: "旧格式", fileName: "a.xls", bytes: good })).rejects.toThrow(".xls");
    const badHeader = await importCatalogueVersion(admin, {
      code: "OK-HDR",
      name: "缺列",
      fileName: "h.csv",
      bytes: utf8BomCsv([
        ["指标编码", "指标名称", "备注"],
        ["A1", "x", "y"],
      ]),
    });
    expect(badHeader.ok).toBe(false);
    if (!badHeader.ok) expect(badHeader.issues.map((i) => i.message)).toContain("无法识别的列“备注”");
    expect(await prisma().auditEvent.count({ where: { action: "catalogue.import", result: "FAILURE" } })).toBe(before + 4);
    expect(await prisma().catalogueVersion.count({ where: { code: { startsWith: "OK-" } } })).toBe(0);
    // The built-in version is untouched.
    expect((await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03" } })).name).toContain("据公开资料重建");
  });
});
