import { cellKey } from "@/app/_domain/sheets/validate-sheet";
import type { Scheme } from "@/app/_domain/catalogue";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { loadRegionVersion } from "./load-region-version";
import { readSheetValues, type StoredValue } from "./sheet-values-store";

export interface CellChange {
  indicatorCode: string;
  scheme: Scheme;
  institutionCode: string | null;
  before: string | null;
  after: string | null;
  /** ADDED: only in the newer version; REMOVED: only in the older; CHANGED: a different value. */
  kind: "ADDED" | "REMOVED" | "CHANGED";
}

/** The cell-level difference between two versions of the same month (region staff of that region). */
export async function diffSheetVersions(
  session: Session,
  input: { fromId: string; toId: string },
): Promise<{ from: number; to: number; changes: CellChange[] }> {
  await requirePermission(session, "region.read");
  const prisma = await db();
  const [from, to] = await Promise.all([
    loadRegionVersion(prisma, session.regionId, input.fromId),
    loadRegionVersion(prisma, session.regionId, input.toId),
  ]);
  if (from.sheetId !== to.sheetId) throw new AppError("INVALID", "只能比较同一月份的两个版本。");
  const institutions = await prisma.institution.findMany({ where: { regionId: from.sheet.regionId }, select: { id: true, code: true } });
  const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
  const keyed = (rows: StoredValue[]) =>
    new Map(
      rows.map((r) => [cellKey(r.indicatorCode, r.scheme, r.institutionId ? (codeOf.get(r.institutionId) ?? r.institutionId) : null), r]),
    );
  const [a, b] = await Promise.all([readSheetValues(prisma, from.id).then(keyed), readSheetValues(prisma, to.id).then(keyed)]);
  const changes: CellChange[] = [];
  const cell = (r: StoredValue) => ({
    indicatorCode: r.indicatorCode,
    scheme: r.scheme,
    institutionCode: r.institutionId ? (codeOf.get(r.institutionId) ?? null) : null,
  });
  for (const [key, r] of b) {
    const old = a.get(key);
    if (!old) changes.push({ ...cell(r), before: null, after: r.value, kind: "ADDED" });
    else if (old.value !== r.value) changes.push({ ...cell(r), before: old.value, after: r.value, kind: "CHANGED" });
  }
  for (const [key, r] of a) if (!b.has(key)) changes.push({ ...cell(r), before: r.value, after: null, kind: "REMOVED" });
  return { from: from.version, to: to.version, changes };
}
