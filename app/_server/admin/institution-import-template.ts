import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, LEVEL_LABELS, TYPE_LABELS } from "@/app/_domain/institutions";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

export const TEMPLATE_FILE_NAME = "医疗机构导入模板.xlsx";

const WIDTHS: Record<(typeof IMPORT_COLUMNS)[number]["key"], number> = {
  code: 18,
  name: 32,
  regionCode: 12,
  level: 11,
  type: 11,
  district: 14,
  beds: 9,
  designatedSince: 14,
  active: 10,
};

const HINTS: Record<(typeof IMPORT_COLUMNS)[number]["key"], string> = {
  code: "国家医保定点医疗机构代码：H + 11 位数字，第 2–7 位为统筹区编码；已存在的编码将被更新",
  name: "2–100 个字",
  regionCode: "6 位统筹区编码，须已在系统中存在",
  level: `${Object.values(LEVEL_LABELS).join(" / ")}（也可填 三甲、二乙 等）`,
  type: Object.values(TYPE_LABELS).join(" / "),
  district: "最多 50 个字",
  beds: "0–20000 的整数",
  designatedSince: "日期，如 2019-07-01",
  active: "是 / 否，留空为“是”",
};

/** The import template: the header row of IMPORT_COLUMNS, one example row, and a sheet of instructions. */
export async function institutionImportTemplate(session: Session): Promise<{ fileName: string; bytes: Buffer }> {
  await requirePermission(session, "institution.manage");
  const prisma = await db();
  const region = await prisma.region.findFirst({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true } });
  const regionCode = region?.code ?? "340100";

  const wb = new ExcelJS.Workbook();
  wb.creator = "亮底";
  const ws = wb.addWorksheet("医疗机构", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key], style: { numFmt: "@" } }));
  const header = ws.addRow(IMPORT_COLUMNS.map((c) => c.zh));
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    const c = IMPORT_COLUMNS[col - 1];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE2C8" : "FFEFEFEF" } };
    cell.note = `${c.required ? "必填。" : "选填。"}${HINTS[c.key]}`;
  });
  ws.addRow({
    code: `H${regionCode}00001`,
    name: "示例医院（导入前请删除本行）",
    regionCode,
    level: "三级",
    type: "综合",
    district: "示例区",
    beds: "800",
    designatedSince: "2019-07-01",
    active: "是",
  });
  const col = (key: string) => ws.getColumn(key).letter;
  // Range validations (not per cell, which would create the rows): in ExcelJS but missing from its types.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${col("level")}2:${col("level")}5001`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${Object.values(LEVEL_LABELS).join(",")}"`],
  });
  validations.add(`${col("type")}2:${col("type")}5001`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${Object.values(TYPE_LABELS).join(",")}"`],
  });
  validations.add(`${col("active")}2:${col("active")}5001`, { type: "list", allowBlank: true, formulae: ['"是,否"'] });

  const help = wb.addWorksheet("填写说明");
  help.columns = [
    { header: "列", width: 16 },
    { header: "是否必填", width: 10 },
    { header: "说明", width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.zh, c.required ? "必填" : "选填", HINTS[c.key]]);
  help.addRow([]);
  for (const line of [
    "只导入第一个工作表“医疗机构”；第 1 行为表头，请勿修改列名。",
    "任何一行有问题时，整份文件都不会导入，系统会列出所有问题的行号，修改后重新上传即可。",
    "更新已有机构时，选填列留空表示保持原值。",
    "请不要使用公式；单个文件不超过 5 MB、20,000 行。",
  ])
    help.addRow(["", "", line]);

  return { fileName: TEMPLATE_FILE_NAME, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
