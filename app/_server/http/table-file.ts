import "server-only";
import ExcelJS from "exceljs";
import { neutraliseCell } from "@/app/_domain/catalogues/table-format";

/** A table as a download: CSV for Excel (UTF-8 BOM, CRLF) or xlsx with every cell text; cells neutralised again (= + - @). */
export interface TableExport {
  fileName: string;
  sheetName: string;
  header: string[];
  rows: string[][];
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function tableFile(
  table: TableExport,
  format: "csv" | "xlsx",
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const safe = (row: string[]) => row.map((c) => neutraliseCell(c ?? ""));
  if (format === "csv") {
    const lines = [table.header, ...table.rows].map((r) => safe(r).map(quote).join(","));
    return {
      fileName: `${table.fileName}.csv`,
      contentType: "text/csv; charset=utf-8",
      bytes: Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8"),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "亮底";
  const ws = wb.addWorksheet(table.sheetName.slice(0, 31) || "数据", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = table.header.map((h, k) => ({ width: k === 0 ? 28 : Math.max(12, h.length * 2 + 2), style: { numFmt: "@" } }));
  ws.addRow(safe(table.header)).font = { bold: true };
  for (const r of table.rows) ws.addRow(safe(r));
  return {
    fileName: `${table.fileName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
