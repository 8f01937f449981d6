import ExcelJS from "exceljs";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { PERCENT_UNIT } from "@/app/_domain/sheets/typing-slips";

/**
 * How the base-sheet template looks on screen and on paper: fills, number formats, the input message and
 * validation of each value cell, and each sheet's print setup. Tried in LibreOffice Calc and WPS as well as
 * Excel (the bureaus use all three): test/fixtures/office-suite/ holds files they wrote.
 */

export const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
/** The input cells: a clear yellow (the earlier pale cream FFFBE6 vanished on many screens and on paper). */
export const INPUT_ARGB = "FFFFEB9C";
export const INPUT: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: INPUT_ARGB } };
export const HEAD: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

const COUNT_UNITS = new Set(["人", "人次", "次", "个", "家", "张", "例", "床"]);

/**
 * The cell format of a unit. A %-unit cell shows a literal "%" after the number as typed (98.28 → 「98.28%」,
 * no scaling), so a percentage typed with its sign, which the office suites store as 0.9828, shows 「0.9828%」
 * and looks wrong at once.
 */
export function numFmt(unit: string): string {
  if (COUNT_UNITS.has(unit)) return "#,##0";
  if (unit === "万元" || unit === "元") return "#,##0.00";
  if (unit === PERCENT_UNIT) return '0.00##"%"';
  return "0.00##";
}

/** The unit as the 区域表 unit column shows it: 「%（填 98.28）」 for percentages. */
export const unitLabel = (unit: string) => (unit === PERCENT_UNIT ? "%（填 98.28）" : unit);

/**
 * Excel's "decimal" validation from the indicator's bounds (typed text is refused; blank is allowed), with an
 * input message naming the unit, which Excel, WPS and LibreOffice show when the cell is selected.
 */
export function validation(ind: IndicatorDef): ExcelJS.DataValidation {
  const min = ind.minValue ?? "-999999999999999";
  const max = ind.maxValue ?? "999999999999999";
  const range = ind.minValue !== null || ind.maxValue !== null ? `，合理范围 ${ind.minValue ?? "−∞"} 至 ${ind.maxValue ?? "+∞"}` : "";
  const percent = ind.unit === PERCENT_UNIT;
  return {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [Number(min), Number(max)],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "请填写数值",
    error: `${ind.code} ${ind.nameZh}：请填写数值（单位 ${ind.unit}${range}），无数据请留空。`,
    showInputMessage: true,
    promptTitle: `${ind.code} 单位：${ind.unit}`.slice(0, 32),
    prompt: (percent
      ? "填百分号前的数字：98.28% 填 98.28，不要输入 % 号，也不要填 0.9828。"
      : `只填数值（单位 ${ind.unit}），不带单位；无数据请留空。`
    ).slice(0, 255),
  };
}

/**
 * Landscape A4, one page wide, the header rows (and on 机构表 the institution columns) repeated on every
 * page, page numbers in the footer.
 */
export function printSetup(
  ws: ExcelJS.Worksheet,
  titles: { rows: string; columns?: string },
  orientation: "landscape" | "portrait" = "landscape",
) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    printTitlesRow: titles.rows,
    ...(titles.columns && { printTitlesColumn: titles.columns }),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
}

/**
 * A row height (points) that shows each wrapped text whole in its column. Neither Excel nor the office
 * suites grow a row for wrapped text they did not lay out themselves, so the template sets it: a CJK
 * character takes two width units, any other one.
 */
export function wrappedHeight(texts: [text: string, width: number][], lineHeight = 15): number {
  let lines = 1;
  for (const [text, width] of texts) {
    let units = 0;
    for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    lines = Math.max(lines, Math.ceil(units / Math.max(1, width)));
  }
  return lines * lineHeight + 3;
}
