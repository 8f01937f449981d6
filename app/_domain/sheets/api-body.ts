import { parseScheme } from "./long-csv";
import type { RawCell, SheetIssue } from "./types";

/**
 * The JSON body of POST /api/v1/sheets: { regionCode, period, values: [{ indicator, scheme, institution?, value }] }.
 * Values may be numbers or strings ("1,234.5"); they go through the same cell checks as a file.
 */
export interface SheetApiBody {
  regionCode?: unknown;
  period?: unknown;
  values?: unknown;
}

export const API_MAX_VALUES = 500_000;

export function apiBodyToCells(body: SheetApiBody): {
  regionCode: string | null;
  period: string | null;
  cells: RawCell[];
  issues: SheetIssue[];
} {
  const issues: SheetIssue[] = [];
  const regionCode = typeof body.regionCode === "string" ? body.regionCode.trim() : null;
  const period = typeof body.period === "string" ? body.period.trim() : null;
  const cells: RawCell[] = [];
  if (!Array.isArray(body.values)) {
    issues.push({ severity: "ERROR", rule: "api.values", location: "values", message: "请求体缺少 values 数组。" });
    return { regionCode, period, cells, issues };
  }
  if (body.values.length > API_MAX_VALUES) {
    issues.push({ severity: "ERROR", rule: "api.too-many", location: "values", message: `一次最多提交 ${API_MAX_VALUES} 个值。` });
    return { regionCode, period, cells, issues };
  }
  body.values.forEach((v: unknown, i) => {
    const location = `values[${i}]`;
    const o = (v ?? {}) as Record<string, unknown>;
    const scheme = typeof o.scheme === "string" ? parseScheme(o.scheme) : undefined;
    if (typeof o.indicator !== "string" || !scheme) {
      issues.push({
        severity: "ERROR",
        rule: "api.value-shape",
        location,
        message: "每个值须有 indicator（指标编码）和 scheme（EMPLOYEE/RESIDENT/TOTAL）。",
      });
      return;
    }
    const raw = o.value === null || o.value === undefined ? "" : typeof o.value === "number" ? String(o.value) : String(o.value);
    cells.push({
      indicatorCode: o.indicator.trim().toUpperCase(),
      scheme,
      institutionCode: typeof o.institution === "string" && o.institution.trim() ? o.institution.trim().toUpperCase() : null,
      raw,
      location,
    });
  });
  return { regionCode, period, cells, issues };
}
