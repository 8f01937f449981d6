import { addMonths, type Period } from "../periods";
import { canonicalDecimal, SheetDecimal } from "./sheet-decimal";

/**
 * How sheet data is written on screen: exact decimals with thousands separators (never rounded), Beijing
 * time, shortened hashes. Pure, so the server-rendered HTML and the browser agree.
 */

/** "1234567.891" → "1,234,567.891"; the stored digits are kept as they are; null → "—". */
export function groupDigits(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!m) return value;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] ?? "");
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-04-03 14:05" in Asia/Shanghai (UTC+8, no daylight saving), whatever the machine's time zone. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "—";
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "3f2a9c1e…b07d42aa": enough to compare two hashes by eye. */
export const shortHash = (hex: string) => (hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex);

export type VersionStatus = "VALIDATED" | "ACCEPTED" | "REJECTED" | "SUPERSEDED";
export type VersionSource = "XLSX" | "CSV" | "API";

export const VERSION_STATUS: Record<VersionStatus, { label: string; color: string }> = {
  VALIDATED: { label: "待审核", color: "orange" },
  ACCEPTED: { label: "已通过", color: "green" },
  REJECTED: { label: "已退回", color: "red" },
  SUPERSEDED: { label: "已被替代", color: "default" },
};

export const SOURCE_LABELS: Record<VersionSource, string> = { XLSX: "Excel 模板", CSV: "CSV 长表", API: "API 接口" };

export interface StatusTag {
  label: string;
  color: string;
}

/**
 * The state of one month at a glance: 已通过·第 n 版 (green) and/or 待审核 n 个 (orange); 已退回 (red) when the
 * newest version was sent back and nothing is accepted or pending; 未上传 when there is no version.
 */
export function monthStatusTags(
  sheet: { accepted: number | null; pending: number; versions: readonly { status: VersionStatus }[] } | undefined,
): StatusTag[] {
  if (!sheet || sheet.versions.length === 0) return [{ label: "未上传", color: "default" }];
  const tags: StatusTag[] = [];
  if (sheet.accepted !== null) tags.push({ label: `已通过·第 ${sheet.accepted} 版`, color: "green" });
  if (sheet.pending > 0) tags.push({ label: `待审核 ${sheet.pending} 个`, color: "orange" });
  if (!tags.length)
    tags.push(sheet.versions[0].status === "REJECTED" ? { label: "已退回", color: "red" } : { label: "未通过", color: "default" });
  return tags;
}

/**
 * The months the sheet list shows, newest first: every month from the last one due (`latest`, usually last
 * month) back at least `minCount` months, stretched to cover every month that has a sheet, so a missing
 * month stands out as 未上传 instead of silently not being there.
 */
export function monthsToShow(periods: readonly Period[], latest: Period, minCount = 12): Period[] {
  let newest = latest;
  let oldest = addMonths(latest, -(minCount - 1));
  for (const p of periods) {
    if (p > newest) newest = p;
    if (p < oldest) oldest = p;
  }
  const out: Period[] = [];
  for (let p = newest; p >= oldest; p = addMonths(p, -1)) out.push(p);
  return out;
}

/** after − before, exact, signed and grouped ("+1,250.5", "-3"); null when either side is missing. */
export function signedDelta(before: string | null, after: string | null): string | null {
  if (before === null || after === null) return null;
  const d = new SheetDecimal(after).minus(before);
  const text = groupDigits(canonicalDecimal(d));
  return d.isPositive() && !d.isZero() ? "+" + text : text;
}
