import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { importInstitutions, type ImportInstitutionsResult } from "@/app/_server/admin/import-institutions";
import { institutionImportTemplate } from "@/app/_server/admin/institution-import-template";
import { readTableFile } from "@/app/_server/admin/read-table-file";
import type { Session } from "@/app/_server/auth/session";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { gbkCsv, HEADER_ZH, minimalXlsxParts, utf8BomCsv, xlsxOf, zipOf } from "../helpers/table-files";
import { useTestDatabase } from "../helpers/test-database";

function expectOk(r: ImportInstitutionsResult) {
  if (!r.ok) throw new Error("expected ok, got issues: " + JSON.stringify(r.issues));
  return r;
}
function expectIssues(r: ImportInstitutionsResult) {
  if (r.ok) throw new Error("expected issues, got ok: " + JSON.stringify(r));
  return r;
}

describe("institution bulk import", () => {
  const prisma = useTestDatabase();
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    w = await createWorld(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
  });
  const count = () => prisma().institution.count();
  const importAudits = () => prisma().auditEvent.count({ where: { action: "institution.import" } });

  it("imports a UTF-8 CSV with BOM and audits it with counts and the file's hash, not its content", async () => {
    const bytes = utf8BomCsv([
      HEADER_ZH,
      ["H34010000101", "合肥市第一人民医院", "340100", "三级甲等", "综合医院", "蜀山区", "1,200", "2019/7/1", "是"],
      ["h34020000102", "芜湖市中医医院, 东院", "340200", "二级", "中医", "", "", "", ""],
    ]);
    const before = await count();
    const r = expectOk(await importInstitutions(admin, { fileName: "机构.csv", bytes }));
    expect(r).toMatchObject({ created: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(await count()).toBe(before + 2);
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34010000101" } })).toMatchObject({
      name: "合肥市第一人民医院",
      regionId: w.regionA.id,
      level: "LEVEL_3",
      type: "GENERAL",
      district: "蜀山区",
      beds: 1200,
      designatedSince: new Date("2019-07-01T00:00:00Z"),
      active: true,
    });
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34020000102" } })).toMatchObject({
      name: "芜湖市中医医院, 东院",
      regionId: w.regionB.id,
      type: "TCM",
      district: null,
    });
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "institution.import" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(admin.userId);
    expect(audit.result).toBe("SUCCESS");
    expect(audit.detail).toMatchObject({
      fileName: "机构.csv",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
      rows: 2,
      created: 2,
      updated: 0,
    });
    expect(JSON.stringify(audit.detail)).not.toContain("人民医院");
  });

  it("imports a GBK CSV as saved by Chinese Excel", async () => {
    const bytes = gbkCsv([
      HEADER_ZH,
      ["H34010000111", "安徽省立医院（南区）", "340100", "三级", "综合", "包河区", "900", "2020-01-15", "否"],
    ]);
    const audits = await importAudits();
    expectOk(await importInstitutions(admin, { fileName: "gbk.csv", bytes }));
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34010000111" } })).toMatchObject({
      name: "安徽省立医院（南区）",
      district: "包河区",
      beds: 900,
      active: false,
    });
    expect(await importAudits()).toBe(audits + 1);
  });

  it("imports an .xlsx with number and date cells, a header in another order and blank rows", async () => {
    const bytes = await xlsxOf([
      ["机构名称", "机构编码", "统筹区编码", "医院等级", "机构类别", "床位数", "定点起始日期"],
      ["合肥市妇幼保健院", "H34010000121", 340100, "二级", "专科", 450, new Date(Date.UTC(2018, 0, 31))],
      [],
      [
        "合肥市包河区社区卫生服务中心",
        { text: "H34010000122", hyperlink: "https://example.org" },
        "340100",
        "一级",
        "社区卫生服务中心",
        null,
        "2021-03-05",
      ],
    ]);
    const r = expectOk(await importInstitutions(admin, { fileName: "机构.xlsx", bytes }));
    expect(r).toMatchObject({ created: 2, updated: 0 });
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34010000121" } })).toMatchObject({
      name: "合肥市妇幼保健院",
      type: "SPECIALTY",
      beds: 450,
      designatedSince: new Date("2018-01-31T00:00:00Z"),
    });
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34010000122" } })).toMatchObject({
      type: "PRIMARY",
      level: "LEVEL_1",
    });
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "institution.import" }, orderBy: { id: "desc" } });
    expect(audit.detail).toMatchObject({ fileName: "机构.xlsx", created: 2 });
  });

  it("reports every issue of a file with several bad rows, with row numbers, and writes nothing", async () => {
    const before = await count();
    const audits = await importAudits();
    const r = expectIssues(
      await importInstitutions(admin, {
        fileName: "bad.csv",
        bytes: utf8BomCsv([
          HEADER_ZH,
          ["H34010000131", "好医院", "340100", "三级", "综合", "", "", "", ""],
          ["H3401000013", "编码太短医院", "340100", "三级", "综合", "", "", "", ""],
          ["", "", "340100", "特级", "综合", "", "-5", "", ""],
          ["H34010000134", "日期医院", "340100", "二级", "综合", "", "", "2019-02-30", "也许"],
          ["H34020000135", "错区医院", "340100", "二级", "综合", "", "", "", ""],
        ]),
      }),
    );
    expect(r.issues).toEqual([
      { row: 3, column: "机构编码", message: "“H3401000013”不是有效的机构编码（应为 H 加 11 位数字）" },
      { row: 4, column: "机构编码", message: "必填项为空" },
      { row: 4, column: "机构名称", message: "必填项为空" },
      { row: 4, column: "医院等级", message: "无法识别的医院等级“特级”（可填 三级/二级/一级/未定级）" },
      { row: 4, column: "床位数", message: "床位数“-5”应为 0–20000 的整数" },
      { row: 5, column: "定点起始日期", message: "日期“2019-02-30”无效（格式如 2019-07-01）" },
      { row: 5, column: "是否有效", message: "“也许”应填 是 或 否" },
      { row: 6, column: "机构编码", message: "机构编码 H34020000135 与统筹区编码 340100 不一致（编码第 2–7 位应为统筹区编码）" },
    ]);
    expect(r.counts).toEqual({ rows: 5, rowsWithIssues: 4, issues: 8 });
    expect(r.truncated).toBe(false);
    expect(await count()).toBe(before);
    expect(await prisma().institution.findUnique({ where: { code: "H34010000131" } })).toBeNull();
    expect(await importAudits()).toBe(audits + 1);
    const trace = await prisma().auditEvent.findFirstOrThrow({ where: { action: "institution.import" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ result: "FAILURE", detail: { fileName: "bad.csv", rows: 5, rowsWithIssues: 4, issues: 8 } });
  });

  it("returns at most 1,000 issues but counts them all", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`H340100${String(20000 + i)}`, `医院${i}`, "340100", "特级", "综合"]);
    const r = expectIssues(await importInstitutions(admin, { fileName: "many.csv", bytes: utf8BomCsv([HEADER_ZH, ...rows]) }));
    expect(r.issues).toHaveLength(1000);
    expect(r.issues[999].row).toBe(1001);
    expect(r.truncated).toBe(true);
    expect(r.counts).toEqual({ rows: 1200, rowsWithIssues: 1200, issues: 1200 });
  });

  it("refuses a wrong header on row 1 without looking at the rows", async () => {
    const r = expectIssues(
      await importInstitutions(admin, {
        fileName: "header.csv",
        bytes: utf8BomCsv([
          ["机构代码", "机构名称", "统筹区编码", "医院等级", "机构类别", "备注"],
          ["H34010000141", "某医院", "340100", "三级", "综合", "x"],
        ]),
      }),
    );
    expect(r.issues).toEqual([
      { row: 1, column: "机构编码", message: "缺少必填列“机构编码”" },
      { row: 1, column: "机构代码", message: "无法识别的列“机构代码”" },
      { row: 1, column: "备注", message: "无法识别的列“备注”" },
    ]);
    expect(r.counts).toMatchObject({ rows: 1, issues: 3 });
  });

  it("reports a region code that does not exist", async () => {
    const before = await count();
    const r = expectIssues(
      await importInstitutions(admin, {
        fileName: "region.csv",
        bytes: utf8BomCsv([
          HEADER_ZH,
          ["H34010000151", "合肥某医院", "340100", "三级", "综合"],
          ["H34030000151", "蚌埠某医院", "340300", "三级", "综合"],
        ]),
      }),
    );
    expect(r.issues).toEqual([{ row: 3, column: "统筹区编码", message: "统筹区编码 340300 不存在，请先在“统筹区管理”中添加" }]);
    expect(await count()).toBe(before);
  });

  it("reports a code that appears twice in the file (in any case), pointing at the first row", async () => {
    const before = await count();
    const r = expectIssues(
      await importInstitutions(admin, {
        fileName: "dup.csv",
        bytes: utf8BomCsv([
          HEADER_ZH,
          ["H34010000161", "甲医院", "340100", "三级", "综合"],
          ["H34010000162", "乙医院", "340100", "三级", "综合"],
          ["h34010000161", "甲医院（重复）", "340100", "三级", "综合"],
        ]),
      }),
    );
    expect(r.issues).toEqual([{ row: 4, column: "机构编码", message: "机构编码 H34010000161 与第 2 行重复" }]);
    expect(await count()).toBe(before);
  });

  it("updates an existing code instead of duplicating it, keeping values the file leaves blank", async () => {
    await prisma().institution.update({ where: { code: "H34010000001" }, data: { beds: 777, district: "瑶海区" } });
    const before = await count();
    const bytes = utf8BomCsv([
      HEADER_ZH,
      ["H34010000001", "合肥甲医院（更名）", "340100", "二级", "综合", "", "", "2015-05-05", ""],
      ["H34010000002", "合肥乙医院", "340100", "三级", "综合", "", "", "", ""],
      ["H34010000171", "合肥新医院", "340100", "一级", "基层", "", "", "", ""],
    ]);
    const r = expectOk(await importInstitutions(admin, { fileName: "again.csv", bytes }));
    expect(r).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(await count()).toBe(before + 1);
    expect(await prisma().institution.count({ where: { code: "H34010000001" } })).toBe(1);
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34010000001" } })).toMatchObject({
      id: w.hospitalA1.id,
      name: "合肥甲医院（更名）",
      level: "LEVEL_2",
      beds: 777,
      district: "瑶海区",
      designatedSince: new Date("2015-05-05T00:00:00Z"),
      active: true,
    });
    const again = expectOk(await importInstitutions(admin, { fileName: "again.csv", bytes }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count()).toBe(before + 1);
  });

  it("imports and re-imports 2,500 rows in batches", async () => {
    const rows = (suffix: string) =>
      Array.from({ length: 2500 }, (_, i) => [
        `H340200${String(10000 + i).padStart(5, "0")}`,
        `芜湖批量医院${i}${suffix}`,
        "340200",
        "二级",
        "综合",
        "",
        String(i % 500),
      ]);
    const before = await count();
    const t0 = Date.now();
    expect(
      expectOk(await importInstitutions(admin, { fileName: "bulk.csv", bytes: utf8BomCsv([HEADER_ZH.slice(0, 7), ...rows("")]) })),
    ).toMatchObject({ created: 2500 });
    const r = expectOk(
      await importInstitutions(admin, { fileName: "bulk2.csv", bytes: utf8BomCsv([HEADER_ZH.slice(0, 7), ...rows("（新）")]) }),
    );
    expect(r).toMatchObject({ created: 0, updated: 2500 });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await count()).toBe(before + 2500);
    expect(await prisma().institution.findUniqueOrThrow({ where: { code: "H34020012499" } })).toMatchObject({
      name: "芜湖批量医院2499（新）",
      beds: 499,
    });
  });

  it("with dryRun reports what would happen and writes nothing", async () => {
    const before = await count();
    const audits = await importAudits();
    const r = expectOk(
      await importInstitutions(admin, {
        fileName: "dry.csv",
        bytes: utf8BomCsv([
          HEADER_ZH,
          ["H34010000181", "试算医院", "340100", "三级", "综合"],
          ["H34010000002", "合肥乙医院（改）", "340100", "三级", "综合"],
        ]),
        dryRun: true,
      }),
    );
    expect(r).toMatchObject({ dryRun: true, created: 1, updated: 1 });
    expect(await count()).toBe(before);
    expect(await importAudits()).toBe(audits);
  });

  describe("refuses files that are not plain small tables", () => {
    const refused = (fileName: string, bytes: Buffer) => importInstitutions(admin, { fileName, bytes });

    it("a text file renamed to .xlsx", async () => {
      await expect(refused("机构.xlsx", utf8BomCsv([HEADER_ZH]))).rejects.toMatchObject({
        code: "INVALID",
        message: expect.stringContaining("不是 Excel（.xlsx）格式"),
      });
    });

    it("an .xlsm and an .xls", async () => {
      const bytes = await xlsxOf([HEADER_ZH]);
      await expect(refused("机构.xlsm", bytes)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("宏") });
      await expect(refused("机构.xls", bytes)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining(".xls") });
    });

    it("a formula cell, naming the cell", async () => {
      const bytes = await xlsxOf([
        HEADER_ZH,
        ["H34010000191", "公式医院", "340100", "三级", "综合", "", { formula: "100*2", result: 200 }],
      ]);
      await expect(refused("formula.xlsx", bytes)).rejects.toMatchObject({
        code: "INVALID",
        message: expect.stringContaining("单元格 G2 含有公式"),
      });
    });

    it("a file over 5 MB", async () => {
      const bytes = Buffer.concat([utf8BomCsv([HEADER_ZH]), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      await expect(refused("big.csv", bytes)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("超过 5 MB") });
    });

    it("more than 20,000 data rows", async () => {
      const line = "H34010000001,某医院,340100,三级,综合\n";
      const bytes = Buffer.from(HEADER_ZH.slice(0, 5).join(",") + "\n" + line.repeat(20_001));
      await expect(refused("rows.csv", bytes)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("20,000 行") });
    });

    it("a zip bomb, whether its directory declares the huge size or hides it", async () => {
      const zeros = Buffer.alloc(60 * 1024 * 1024);
      const declared = zipOf([...minimalXlsxParts(), { name: "xl/worksheets/sheet1.xml", data: zeros }]);
      expect(declared.length).toBeLessThan(200 * 1024);
      await expect(refused("bomb.xlsx", declared)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("压缩炸弹") });
      const hidden = zipOf([...minimalXlsxParts(), { name: "xl/worksheets/sheet1.xml", data: zeros, declaredSize: 2048 }]);
      await expect(refused("bomb2.xlsx", hidden)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("压缩炸弹") });
    });

    it("a corrupt zip and an .xlsx with only a header", async () => {
      const good = await xlsxOf([HEADER_ZH]);
      await expect(refused("cut.xlsx", good.subarray(0, good.length - 100))).rejects.toMatchObject({ code: "INVALID" });
      await expect(refused("header-only.xlsx", good)).rejects.toMatchObject({ code: "INVALID", message: "文件只有表头，没有机构数据。" });
    });
  });

  it("serves a template whose header and example row import cleanly", async () => {
    const { fileName, bytes } = await institutionImportTemplate(admin);
    expect(fileName).toMatch(/\.xlsx$/);
    const { rows } = await readTableFile(fileName, bytes);
    expect(rows[0]).toEqual(HEADER_ZH);
    expect(rows).toHaveLength(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
    const r = expectOk(await importInstitutions(admin, { fileName, bytes, dryRun: true }));
    expect(r.created + r.updated + r.unchanged).toBe(1);
  });

  it("is for the system admin only: others are FORBIDDEN and audited", async () => {
    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    const security = await createUserSession(prisma(), ["SECURITY_ADMIN"]);
    const before = await count();
    const bytes = utf8BomCsv([HEADER_ZH, ["H34010000199", "越权医院", "340100", "三级", "综合"]]);
    await expect(importInstitutions(entry, { fileName: "x.csv", bytes })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importInstitutions(security, { fileName: "x.csv", bytes })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(institutionImportTemplate(entry)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await count()).toBe(before);
    expect(
      await prisma().auditEvent.count({ where: { action: "access.denied", actorId: entry.userId, objectType: "institution.manage" } }),
    ).toBe(2);
  });
});
