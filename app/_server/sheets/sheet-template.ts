import ExcelJS from "exceljs";
import { BASIS_LABELS, FREQUENCY_LABELS, type IndicatorDef, SCHEMES, SCHEME_LABELS, TAG_LABELS } from "@/app/_domain/catalogue";
import { INSTITUTION_LEVELS, LEVEL_LABELS, type InstitutionLevel } from "@/app/_domain/institutions";
import {
  HELP_SHEET,
  INSTITUTION_SHEET,
  INST_CODE_ROW,
  INST_FIRST_ROW,
  INST_FIRST_VALUE_COL,
  INST_FIXED_HEADERS,
  INST_NAME_ROW,
  INST_SCHEME_ROW,
  META_SHEET,
  REGION_FIRST_ROW,
  REGION_FIXED_HEADERS,
  REGION_HEADER_ROW,
  REGION_SCHEME_COLS,
  REGION_SHEET,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  expectedLayout,
  institutionColumnTitle,
  institutionColumns,
  regionRows,
} from "@/app/_domain/sheets/template-layout";

import { GREY, HEAD, INPUT, THIN, numFmt, printSetup, unitLabel, validation, wrappedHeight } from "./template-style";

export { readSheetTemplate, SHEET_MAX_FILE_BYTES, type SheetTemplateRead } from "./read-sheet-template";
export { templateHash } from "./template-hash";
import { templateHash } from "./template-hash";

/**
 * The monthly base-sheet template of one region (docs/product.md §4): 区域表 (region-level inputs × schemes),
 * 机构表 (the region's institutions × institution-level inputs), 填写说明, and a hidden _meta sheet with
 * region, period, catalogue and the template hash. Sheets are protected without a password: value cells
 * are unlocked, so rows and columns cannot be inserted by accident, and cells of schemes an indicator
 * does not have are grey and locked.
 */

export interface SheetTemplateInput {
  region: { code: string; name: string };
  /** "YYYY-MM". */
  period: string;
  catalogue: { code: string; indicators: readonly IndicatorDef[] };
  /** The region's active institutions; level as an InstitutionLevel code or a Chinese label. */
  institutions: readonly { code: string; name: string; level: string }[];
}

export const sheetTemplateFileName = (region: { name: string }, period: string) => `${region.name}${periodTitle(period)}数据底稿.xlsx`;

const periodTitle = (period: string) => {
  const [y, m] = period.split("-");
  return `${y}年${Number(m)}月`;
};

/** Column widths (characters). 机构表 is printed one page wide, so its columns are as narrow as values allow. */
const REGION_WIDTHS = [12, 10, 40, 14, 16, 16, 16];
const INST_FIXED_WIDTHS = [15, 26, 6];
const INST_VALUE_WIDTH = 12;
const ONE_LINE = wrappedHeight([]);
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

const levelLabel = (level: string) =>
  (INSTITUTION_LEVELS as readonly string[]).includes(level) ? LEVEL_LABELS[level as InstitutionLevel] : level;

export async function buildSheetTemplate(input: SheetTemplateInput): Promise<Buffer> {
  const { region, period, catalogue, institutions } = input;
  const title = `${region.name}（${region.code}）${periodTitle(period)} 医保数据底稿`;
  const wb = new ExcelJS.Workbook();
  wb.creator = "亮底";

  // ------------------------------------------------------------------------------------------ 区域表
  const rs = wb.addWorksheet(REGION_SHEET, { views: [{ state: "frozen", xSplit: 4, ySplit: REGION_HEADER_ROW }] });
  rs.columns = REGION_WIDTHS.map((width) => ({ width }));
  rs.getCell(1, 1).value = `${title} · 区域表（本年累计指标填 1 月至本月累计数；存量指标填月末数）`;
  rs.getCell(1, 1).font = { bold: true, size: 13 };
  rs.getCell(1, 1).alignment = { vertical: "middle", wrapText: true };
  rs.getRow(1).height = wrappedHeight([[String(rs.getCell(1, 1).value), REGION_WIDTHS.reduce((a, b) => a + b) / 1.2]], 18);
  rs.mergeCells(1, 1, 1, 7);
  const rh = rs.getRow(REGION_HEADER_ROW);
  [...REGION_FIXED_HEADERS, ...SCHEMES.map((s) => SCHEME_LABELS[s])].forEach((h, i) => (rh.getCell(i + 1).value = h));
  styleHeader(rh, 7);
  const rows = regionRows(catalogue.indicators);
  let r = REGION_FIRST_ROW;
  let groupStart = r;
  rows.forEach((ind, idx) => {
    const row = rs.getRow(r);
    row.getCell(1).value = ind.category;
    row.getCell(2).value = ind.code;
    row.getCell(3).value = ind.nameZh;
    row.getCell(4).value = unitLabel(ind.unit);
    row.getCell(3).note = indicatorNote(ind);
    row.height = wrappedHeight([
      [ind.nameZh, REGION_WIDTHS[2]],
      [unitLabel(ind.unit), REGION_WIDTHS[3]],
    ]);
    for (let c = 1; c <= 4; c++) {
      row.getCell(c).border = THIN;
      row.getCell(c).alignment = { vertical: "middle", wrapText: c === 1 || c === 3 || c === 4 };
    }
    for (const s of SCHEMES) {
      const cell = row.getCell(REGION_SCHEME_COLS[s]);
      cell.border = THIN;
      if (ind.schemes.includes(s)) {
        cell.fill = INPUT;
        cell.numFmt = numFmt(ind.unit);
        cell.protection = { locked: false };
        cell.dataValidation = validation(ind);
      } else {
        cell.fill = GREY;
        cell.protection = { locked: true };
      }
    }
    const next = rows[idx + 1];
    if (!next || next.category !== ind.category) {
      if (r > groupStart) rs.mergeCells(groupStart, 1, r, 1);
      groupStart = r + 1;
    }
    r++;
  });
  // Portrait: its seven columns fill a portrait page's width, and every row then fits on one page.
  printSetup(rs, { rows: `1:${REGION_HEADER_ROW}` }, "portrait");
  await rs.protect("", PROTECTION);

  // ------------------------------------------------------------------------------------------ 机构表
  const cols = institutionColumns(catalogue.indicators);
  const is = wb.addWorksheet(INSTITUTION_SHEET, {
    views: [{ state: "frozen", xSplit: INST_FIXED_HEADERS.length, ySplit: INST_SCHEME_ROW }],
  });
  is.columns = [...INST_FIXED_WIDTHS, ...cols.map(() => INST_VALUE_WIDTH)].map((width) => ({ width }));
  const lastCol = Math.max(INST_FIXED_HEADERS.length, INST_FIXED_HEADERS.length + cols.length);
  is.getCell(1, 1).value = `${title} · 机构表（第 2 行为指标编码，请勿修改）`;
  is.getCell(1, 1).font = { bold: true, size: 13 };
  is.mergeCells(1, 1, 1, lastCol);
  INST_FIXED_HEADERS.forEach((h, i) => {
    is.getCell(INST_CODE_ROW, i + 1).value = h;
    is.mergeCells(INST_CODE_ROW, i + 1, INST_SCHEME_ROW, i + 1);
  });
  cols.forEach((c, i) => {
    const col = INST_FIRST_VALUE_COL + i;
    is.getCell(INST_CODE_ROW, col).value = c.indicator.code;
    is.getCell(INST_NAME_ROW, col).value = institutionColumnTitle(c.indicator);
    is.getCell(INST_NAME_ROW, col).note = indicatorNote(c.indicator);
    is.getCell(INST_SCHEME_ROW, col).value = SCHEME_LABELS[c.scheme];
  });
  for (const rowNo of [INST_CODE_ROW, INST_NAME_ROW, INST_SCHEME_ROW]) styleHeader(is.getRow(rowNo), lastCol);
  is.getRow(INST_CODE_ROW).font = { color: { argb: "FF7F7F7F" }, size: 9 };
  for (let c = 1; c <= INST_FIXED_HEADERS.length; c++) is.getCell(INST_CODE_ROW, c).font = { bold: true };
  is.getRow(INST_NAME_ROW).height = wrappedHeight(cols.map((c) => [institutionColumnTitle(c.indicator), INST_VALUE_WIDTH]));
  // Shared style objects, never mutated afterwards: ExcelJS then dedupes styles by identity instead of
  // serialising one style per cell (100,000 cells: 2.5 s → a fraction of that).
  const fixedStyle: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: "middle", wrapText: true } };
  const inputStyles = new Map<string, Partial<ExcelJS.Style>>();
  const colStyles = cols.map((c) => {
    const fmt = numFmt(c.indicator.unit);
    let st = inputStyles.get(fmt);
    if (!st) inputStyles.set(fmt, (st = { fill: INPUT, border: THIN, numFmt: fmt, protection: { locked: false } }));
    return st;
  });
  institutions.forEach((inst, i) => {
    const row = is.getRow(INST_FIRST_ROW + i);
    row.getCell(1).value = inst.code;
    row.getCell(2).value = inst.name;
    row.getCell(3).value = levelLabel(inst.level);
    const height = wrappedHeight([[inst.name, INST_FIXED_WIDTHS[1]]]);
    if (height > ONE_LINE) row.height = height;
    for (let c = 1; c <= INST_FIXED_HEADERS.length; c++) row.getCell(c).style = fixedStyle;
    for (let j = 0; j < cols.length; j++) row.getCell(INST_FIRST_VALUE_COL + j).style = colStyles[j];
  });
  if (institutions.length) {
    // One range per column, not per cell (ExcelJS: per-cell validations are slow and create the rows).
    const dv = (is as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    const last = INST_FIRST_ROW + institutions.length - 1;
    cols.forEach((c, j) => {
      const letter = is.getColumn(INST_FIRST_VALUE_COL + j).letter;
      dv.add(`${letter}${INST_FIRST_ROW}:${letter}${last}`, validation(c.indicator));
    });
  }
  printSetup(is, { rows: `${INST_CODE_ROW}:${INST_SCHEME_ROW}`, columns: "A:C" });
  await is.protect("", PROTECTION);

  // ---------------------------------------------------------------------------------------- 填写说明
  writeHelp(wb.addWorksheet(HELP_SHEET), input, rows, cols.length);

  // -------------------------------------------------------------------------------------------- _meta
  const meta = wb.addWorksheet(META_SHEET, { state: "hidden" });
  const layout = expectedLayout(
    catalogue.indicators,
    institutions.map((i) => i.code),
  );
  const entries: [string, string][] = [
    ["format", TEMPLATE_FORMAT],
    ["version", TEMPLATE_VERSION],
    ["region_code", region.code],
    ["region_name", region.name],
    ["period", period],
    ["catalogue_code", catalogue.code],
    ["template_hash", templateHash(layout)],
  ];
  for (const [k, v] of entries) meta.addRow([k, v]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row, lastCol: number) {
  row.font = { bold: true };
  for (let c = 1; c <= lastCol; c++) {
    const cell = row.getCell(c);
    cell.fill = HEAD;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
}

function indicatorNote(ind: IndicatorDef): string {
  return [
    `${ind.code} ${ind.nameZh}`,
    `单位：${ind.unit}；${BASIS_LABELS[ind.basis]}；频次：${FREQUENCY_LABELS[ind.frequency]}；${TAG_LABELS[ind.tag]}`,
    ind.minValue !== null || ind.maxValue !== null ? `合理范围：${ind.minValue ?? "−∞"} 至 ${ind.maxValue ?? "+∞"}` : "",
    ind.definition ? `口径：${ind.definition}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function writeHelp(ws: ExcelJS.Worksheet, input: SheetTemplateInput, region: IndicatorDef[], instCols: number) {
  const widths = [10, 36, 8, 14, 6, 60];
  ws.columns = widths.map((width) => ({ width }));
  const total = widths.reduce((a, b) => a + b, 0);
  ws.addRow([`${input.region.name}（${input.region.code}）${periodTitle(input.period)} 医保数据底稿 · 填写说明`]).font = {
    bold: true,
    size: 13,
  };
  for (const line of [
    `本模板按指标目录 ${input.catalogue.code} 生成，只适用于 ${input.region.name} ${periodTitle(input.period)}。`,
    `“区域表”填统筹区级指标（${region.length} 项），按 职工 / 居民 / 合计 分列；只在黄色单元格中填写，灰色单元格表示该指标没有这一险种，无需填写。`,
    `“机构表”每行一家定点医疗机构（${input.institutions.length} 家），每列一个指标和险种（${instCols} 列）。`,
    "本年累计（流量）指标填 1 月至本月的累计数，存量指标填月末数，比率指标填本期数。",
    "只填数值，不带单位；百分比指标填百分号前的数字（98.28% 填 98.28，不要输入 % 号，也不要填 0.9828）；可以使用千分位逗号；无数据请留空或填“—”。",
    "日期不要填进数值单元格；请勿使用公式（请“选择性粘贴 → 数值”）；请勿增删行、列或修改表头、编码，否则模板校验不通过。",
    "用 WPS 或 LibreOffice 填写时，请保存为 Excel 2007-365（.xlsx）格式，不要保存为 .et、.ods 或 .xls。",
    "平台不接收个人信息：请勿添加姓名、身份证号、手机号、医保卡号等列。",
    "上传后系统逐格校验：合计 = 职工 + 居民、累计结余按上年末结余滚动、本年累计不减少等；错误需修改后重传，提示可以填写说明后提交审核。",
  ]) {
    const row = ws.addRow([line]);
    ws.mergeCells(row.number, 1, row.number, widths.length);
    row.getCell(1).alignment = { vertical: "top", wrapText: true };
    row.height = wrappedHeight([[line, total]]);
  }
  ws.addRow([]);
  const head = ws.addRow(["指标编码", "指标名称", "单位", "统计口径", "频次", "口径说明"]);
  head.font = { bold: true };
  head.eachCell((c) => ((c.fill = HEAD), (c.border = THIN)));
  for (const ind of input.catalogue.indicators.filter((i) => i.formula === null)) {
    const row = ws.addRow([ind.code, ind.nameZh, ind.unit, BASIS_LABELS[ind.basis], FREQUENCY_LABELS[ind.frequency], ind.definition ?? ""]);
    row.eachCell((c) => ((c.alignment = { vertical: "top", wrapText: true }), (c.border = THIN)));
    row.height = wrappedHeight([
      [ind.nameZh, widths[1]],
      [ind.definition ?? "", widths[5]],
    ]);
  }
  printSetup(ws, { rows: `${head.number}:${head.number}` }, "portrait");
}
