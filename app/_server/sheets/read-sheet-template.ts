import ExcelJS from "exceljs";
import { type IndicatorDef, type Scheme, SCHEMES, SCHEME_LABELS } from "@/app/_domain/catalogue";
import { IssueList } from "@/app/_domain/sheets/issues";
import { PERSONAL_DATA_RULE, personalDataHeaders, personalDataMessage } from "@/app/_domain/sheets/personal-data";
import { SheetDecimal, canonicalDecimal } from "@/app/_domain/sheets/sheet-decimal";
import {
  HELP_SHEET,
  INSTITUTION_SHEET,
  INST_CODE_ROW,
  INST_FIRST_ROW,
  INST_FIRST_VALUE_COL,
  INST_NAME_ROW,
  INST_SCHEME_ROW,
  META_SHEET,
  REGION_CODE_COL,
  REGION_FIRST_ROW,
  REGION_FIXED_HEADERS,
  REGION_HEADER_ROW,
  REGION_SHEET,
  SCHEME_BY_LABEL,
  TEMPLATE_FORMAT,
  type TemplateLayout,
  institutionColumnKey,
  institutionColumnTitle,
} from "@/app/_domain/sheets/template-layout";
import type { RawCell, SheetIssue } from "@/app/_domain/sheets/types";
import { cellText, checkFileSize, loadXlsxWorkbook } from "../admin/read-table-file";
import { templateHash } from "./template-hash";

/** A filled template of 5,000 institutions × 60 value columns stays well under this. */
export const SHEET_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SheetTemplateRead {
  /** From the _meta sheet; null when it is missing or garbled (then cells is empty). */
  regionCode: string | null;
  period: string | null;
  catalogueCode: string | null;
  templateHash: string | null;
  /** Every non-blank value cell, and a blank ("") for each empty cell of a scheme its indicator has. */
  cells: RawCell[];
  /** ERRORs: not our template, formulas, dates, values without a code, an edited layout, personal data. */
  issues: SheetIssue[];
}

/**
 * Reads a filled template. File-level refusals (not an .xlsx, macros, encryption, zip bomb, too large,
 * corrupt) throw an AppError with read-table-file's messages before ExcelJS parses anything; problems in
 * the content are returned as issues, located like "区域表!E7". Rows may be re-sorted (the layout hash
 * sorts them). Whether a template made under another catalogue version is acceptable is the caller's
 * decision: compare the returned catalogueCode with the region's.
 */
export async function readSheetTemplate(
  bytes: Buffer,
  catalogue: { code: string; indicators: readonly IndicatorDef[] },
): Promise<SheetTemplateRead> {
  checkFileSize(bytes, SHEET_MAX_FILE_BYTES);
  const wb = await loadXlsxWorkbook(bytes);
  const issues = new IssueList();
  const error = (rule: string, location: string, message: string, cell?: CellIdentity) =>
    issues.add({
      severity: "ERROR",
      rule,
      location,
      message,
      ...(cell && { indicatorCode: cell.indicatorCode, scheme: cell.scheme, institutionCode: cell.institutionCode ?? undefined }),
    });

  const meta = readMeta(wb.getWorksheet(META_SHEET));
  if (!meta) {
    error(
      "template.meta",
      META_SHEET,
      "该文件不是本平台生成的数据底稿模板（缺少或损坏了隐藏的“_meta”工作表）。请在平台下载本月模板，填写后上传；或改用长表 CSV 格式。",
    );
    checkPersonalData(wb, catalogue.indicators, error);
    return { regionCode: null, period: null, catalogueCode: null, templateHash: null, cells: [], issues: issues.list() };
  }
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const ctx: ReadContext = { byCode, cells: [], error };
  const layout: TemplateLayout = { regionHeader: [], regionRows: [], institutionColumns: [], institutionRows: [] };
  const rs = wb.getWorksheet(REGION_SHEET);
  const is = wb.getWorksheet(INSTITUTION_SHEET);
  if (!rs) error("template.sheet-missing", REGION_SHEET, `缺少工作表“${REGION_SHEET}”，请勿删除或重命名模板中的工作表。`);
  else readRegionSheet(rs, ctx, layout);
  if (!is) error("template.sheet-missing", INSTITUTION_SHEET, `缺少工作表“${INSTITUTION_SHEET}”，请勿删除或重命名模板中的工作表。`);
  else readInstitutionSheet(is, ctx, layout);
  checkPersonalData(wb, catalogue.indicators, error);

  if (rs && is && templateHash(layout) !== meta.templateHash)
    error(
      "template.layout-changed",
      "全表",
      "模板的行列结构与下载时不一致（增删了行、列，或改动了表头、指标编码、机构编码）。请重新下载本月模板，只在黄色单元格中填写数值后上传。",
    );
  return { ...meta, cells: ctx.cells, issues: issues.list() };
}

// -------------------------------------------------------------------------------------------- _meta

function readMeta(ws: ExcelJS.Worksheet | undefined) {
  if (!ws) return null;
  const kv = new Map<string, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const row = ws.getRow(r);
    const k = cellText(row.getCell(1).value);
    if (k) kv.set(k, cellText(row.getCell(2).value));
  }
  const regionCode = kv.get("region_code") ?? "";
  const period = kv.get("period") ?? "";
  const catalogueCode = kv.get("catalogue_code") ?? "";
  const hash = kv.get("template_hash") ?? "";
  if (
    kv.get("format") !== TEMPLATE_FORMAT ||
    !/^\d{6}$/.test(regionCode) ||
    !/^\d{4}-(0[1-9]|1[0-2])$/.test(period) ||
    !catalogueCode ||
    !/^[0-9a-f]{64}$/.test(hash)
  )
    return null;
  return { regionCode, period, catalogueCode, templateHash: hash };
}

// ------------------------------------------------------------------------------------------- cells

interface ReadContext {
  byCode: Map<string, IndicatorDef>;
  cells: RawCell[];
  error: (rule: string, location: string, message: string, cell?: CellIdentity) => void;
}

/** Which value a cell holds, so that the validator counts a refused cell as reported, not as missing. */
type CellIdentity = Pick<RawCell, "indicatorCode" | "scheme" | "institutionCode">;

type Read = { kind: "formula" } | { kind: "date" } | { kind: "text"; text: string };

/** A number as Excel shows it: 15 significant digits, so binary noise (2.9999999999999996) disappears. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  // The shortest text that reads back as n: what was typed, unless it has an exponent or more than 15 digits.
  if (!s.includes("e") && s.replace(/^-?[0.]*/, "").replace(".", "").length <= 15) return s === "-0" ? "0" : s;
  return canonicalDecimal(new SheetDecimal(n.toPrecision(15)));
}

function readCell(cell: ExcelJS.Cell): Read {
  switch (cell.type) {
    case ExcelJS.ValueType.Formula:
      return { kind: "formula" };
    case ExcelJS.ValueType.Merge:
      return { kind: "text", text: "" }; // covered by a merge: the value, if any, is in the master cell
    case ExcelJS.ValueType.Number:
      return { kind: "text", text: numberText(cell.value as number) };
    case ExcelJS.ValueType.Date:
      return { kind: "date" };
    default:
      return { kind: "text", text: cellText(cell.value) };
  }
}

/** Text of a label cell (codes, headers): a merged cell reads its master. */
const labelText = (cell: ExcelJS.Cell) =>
  cell.type === ExcelJS.ValueType.Formula ? "" : cellText((cell.isMerged ? cell.master : cell).value);

/** Reports every formula cell of a row (their values are never used), naming the value a value cell holds. */
function checkFormulas(sheet: string, row: ExcelJS.Row, ctx: ReadContext, identityOf: (col: number) => CellIdentity | undefined) {
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.type === ExcelJS.ValueType.Formula) {
      const at = `${sheet}!${cell.address}`;
      ctx.error("template.formula", at, `${at} 含公式，请粘贴为数值（复制后“选择性粘贴 → 数值”）。`, identityOf(col));
    }
  });
}

function valueCell(sheet: string, cell: ExcelJS.Cell, ctx: ReadContext, target: Omit<RawCell, "raw" | "location">, open: boolean) {
  const location = `${sheet}!${cell.address}`;
  const read = readCell(cell);
  if (read.kind === "formula") return;
  if (read.kind === "date") {
    ctx.error("template.date", location, `${location} 是日期，不是数值。请把单元格格式改为“数值”后重新填写。`, target);
    return;
  }
  if (read.text !== "" || open)
    ctx.cells.push({
      indicatorCode: target.indicatorCode,
      scheme: target.scheme,
      institutionCode: target.institutionCode,
      raw: read.text,
      location,
    });
}

function readRegionSheet(ws: ExcelJS.Worksheet, ctx: ReadContext, layout: TemplateLayout) {
  const header = ws.getRow(REGION_HEADER_ROW);
  let codeCol = REGION_CODE_COL;
  const schemeCols: [Scheme, number][] = [];
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = labelText(cell);
    if (!text) return;
    layout.regionHeader.push(text);
    if (text === REGION_FIXED_HEADERS[1]) codeCol = col;
    const s = SCHEME_BY_LABEL.get(text);
    if (s) schemeCols.push([s, col]);
  });
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const code = r < REGION_FIRST_ROW ? "" : labelText(row.getCell(codeCol));
    checkFormulas(REGION_SHEET, row, ctx, (col) => {
      const scheme = code ? schemeCols.find(([, c]) => c === col)?.[0] : undefined;
      return scheme && { indicatorCode: code, scheme, institutionCode: null };
    });
    if (r < REGION_FIRST_ROW) return;
    if (!code) {
      for (const [, col] of schemeCols) {
        const read = readCell(row.getCell(col));
        if (read.kind === "text" && read.text !== "") {
          const at = `${REGION_SHEET}!${row.getCell(col).address}`;
          ctx.error("template.orphan-value", at, `${at} 有数值，但该行没有指标编码。`);
        }
      }
      return;
    }
    layout.regionRows.push(code);
    const ind = ctx.byCode.get(code);
    for (const [scheme, col] of schemeCols)
      valueCell(
        REGION_SHEET,
        row.getCell(col),
        ctx,
        { indicatorCode: code, scheme, institutionCode: null },
        !!ind?.schemes.includes(scheme),
      );
  });
}

function readInstitutionSheet(ws: ExcelJS.Worksheet, ctx: ReadContext, layout: TemplateLayout) {
  const [codeRow, nameRow, schemeRow] = [INST_CODE_ROW, INST_NAME_ROW, INST_SCHEME_ROW].map((r) => ws.getRow(r));
  for (let c = 1; c < INST_FIRST_VALUE_COL; c++) {
    const text = labelText(codeRow.getCell(c));
    if (text) layout.institutionColumns.push(text);
  }
  const lastCol = Math.max(codeRow.cellCount, nameRow.cellCount, schemeRow.cellCount);
  const valueCols: { col: number; code: string; scheme: Scheme; open: boolean }[] = [];
  for (let c = INST_FIRST_VALUE_COL; c <= lastCol; c++) {
    const code = labelText(codeRow.getCell(c));
    const name = labelText(nameRow.getCell(c));
    const label = labelText(schemeRow.getCell(c));
    if (!code && !name && !label) continue;
    layout.institutionColumns.push(code ? institutionColumnKey(code, label) : `?|${name}|${label}`);
    const scheme = SCHEME_BY_LABEL.get(label);
    if (code && scheme) valueCols.push({ col: c, code, scheme, open: !!ctx.byCode.get(code)?.schemes.includes(scheme) });
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const code = r < INST_FIRST_ROW ? "" : labelText(row.getCell(1)).toUpperCase();
    checkFormulas(INSTITUTION_SHEET, row, ctx, (col) => {
      const v = code ? valueCols.find((x) => x.col === col) : undefined;
      return v && { indicatorCode: v.code, scheme: v.scheme, institutionCode: code };
    });
    if (r < INST_FIRST_ROW) return;
    if (!code) {
      for (const v of valueCols) {
        const read = readCell(row.getCell(v.col));
        if (read.kind === "text" && read.text !== "") {
          const at = `${INSTITUTION_SHEET}!${row.getCell(v.col).address}`;
          ctx.error("template.orphan-value", at, `${at} 有数值，但该行没有机构编码。`);
        }
      }
      return;
    }
    layout.institutionRows.push(code);
    for (const v of valueCols)
      valueCell(INSTITUTION_SHEET, row.getCell(v.col), ctx, { indicatorCode: v.code, scheme: v.scheme, institutionCode: code }, v.open);
  });
}

// ---------------------------------------------------------------------------------- personal data

/**
 * Header cells that look like personal data: 区域表 row 2, 机构表 rows 2–4 (except the indicator titles the
 * template itself wrote), and the first rows of any sheet a user added.
 */
function checkPersonalData(wb: ExcelJS.Workbook, indicators: readonly IndicatorDef[], error: ReadContext["error"]) {
  const generated = new Set<string>([...indicators.map(institutionColumnTitle), ...SCHEMES.map((s) => SCHEME_LABELS[s])]);
  const scan = (ws: ExcelJS.Worksheet, rows: number[]) => {
    for (const r of rows) {
      const texts = new Map<string, string>();
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
        const t = labelText(cell);
        if (t && !generated.has(t) && !texts.has(t)) texts.set(t, cell.address);
      });
      for (const h of personalDataHeaders([...texts.keys()]))
        error(PERSONAL_DATA_RULE, `${ws.name}!${texts.get(h)}`, personalDataMessage(h, `${ws.name}!${texts.get(h)}`));
    }
  };
  for (const ws of wb.worksheets) {
    if (ws.name === REGION_SHEET) scan(ws, [REGION_HEADER_ROW]);
    else if (ws.name === INSTITUTION_SHEET) scan(ws, [INST_CODE_ROW, INST_NAME_ROW, INST_SCHEME_ROW]);
    else if (ws.name !== META_SHEET && ws.name !== HELP_SHEET) scan(ws, [1, 2, 3]);
  }
}
