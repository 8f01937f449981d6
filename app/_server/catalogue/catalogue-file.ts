import ExcelJS from "exceljs";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { RECONSTRUCTED_NOTICE } from "@/app/_domain/catalogues";
import {
  CATALOGUE_COLUMN_HINTS,
  CATALOGUE_COLUMNS,
  CATALOGUE_HEADER_ZH,
  indicatorToCells,
  neutraliseCell,
} from "@/app/_domain/catalogues/table-format";

/**
 * Writes a catalogue version as the table file that importCatalogueVersion reads back: the first sheet holds
 * one row per indicator under the Chinese headers; every cell is text (so codes and bounds keep their exact
 * digits) and neutralised against formula injection.
 */

export interface CatalogueFileMeta {
  code: string;
  name: string;
  description: string | null;
  reconstructed: boolean;
}

export async function catalogueXlsx(meta: CatalogueFileMeta, indicators: readonly IndicatorDef[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "亮底";
  wb.title = `${meta.code} ${meta.name}`;
  const ws = wb.addWorksheet("指标目录", { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  ws.columns = CATALOGUE_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: "@" } }));
  const header = ws.addRow(CATALOGUE_HEADER_ZH);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    const c = CATALOGUE_COLUMNS[col - 1];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE2C8" : "FFEFEFEF" } };
    cell.note = `${c.required ? "必填。" : "选填。"}${CATALOGUE_COLUMN_HINTS[c.key]}`;
  });
  for (const d of indicators) ws.addRow(indicatorToCells(d).map(neutraliseCell));
  ws.getColumn("definition").alignment = { wrapText: true, vertical: "top" };

  const help = wb.addWorksheet("说明");
  help.columns = [{ width: 16 }, { width: 100 }];
  const lines: [string, string][] = [
    ["目录版本", neutraliseCell(meta.code)],
    ["目录名称", neutraliseCell(meta.name)],
    ["说明", neutraliseCell(meta.description ?? "")],
    ["导出时间", new Date().toISOString()],
    ["", ""],
  ];
  if (meta.reconstructed) lines.splice(3, 0, ["注意", RECONSTRUCTED_NOTICE]);
  for (const l of lines) help.addRow(l);
  help.addRow(["列", "填写说明"]).font = { bold: true };
  for (const c of CATALOGUE_COLUMNS) help.addRow([c.zh, `${c.required ? "必填。" : "选填。"}${CATALOGUE_COLUMN_HINTS[c.key]}`]);
  help.addRow(["", ""]);
  for (const line of [
    "导入时只读取第一个工作表“指标目录”，第 1 行为表头，请勿修改列名。",
    "导入总是建立一个新的目录版本（新的版本编码），不会修改已有版本。",
    "任何一行有问题时整份文件都不会导入，系统会列出每个问题的行号和列。",
    "以 ' 开头的单元格是为防止表格软件把内容当作公式执行而加的，导入时会自动去掉。",
  ])
    help.addRow(["", line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 with BOM (so Excel opens it as UTF-8), CRLF line ends. */
export function catalogueCsv(indicators: readonly IndicatorDef[]): Buffer {
  const lines = [CATALOGUE_HEADER_ZH, ...indicators.map(indicatorToCells)].map((cells) =>
    cells.map((c) => quote(neutraliseCell(c))).join(","),
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}
