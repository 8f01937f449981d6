import { createHash } from "node:crypto";
import {
  IMPORT_COLUMNS,
  INSTITUTION_CODE_PATTERN,
  REGION_CODE_PATTERN,
  mapImportHeader,
  parseInstitutionRow,
  type ImportColumnKey,
  type InstitutionLevel,
  type InstitutionRow,
  type InstitutionType,
  type RowIssue,
} from "@/app/_domain/institutions";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { readTableFile } from "./read-table-file";

/**
 * Bulk import of institutions from an .xlsx or .csv file, all or nothing: every row is checked (format,
 * region exists, no code twice in the file) and if anything is wrong nothing is written and every issue is
 * returned with its row number. Otherwise new codes are created and existing codes updated in one
 * transaction with one audit event. On update, an optional column that is missing from the file or left
 * blank keeps the stored value; to clear a value use the edit form.
 */

export interface ImportInstitutionsInput {
  fileName: string;
  bytes: Buffer;
  /** Check the file and report what would happen, without writing. */
  dryRun?: boolean;
}

export interface ImportCounts {
  /** Non-blank data rows in the file. */
  rows: number;
  /** Rows with at least one issue (header issues are not counted here). */
  rowsWithIssues: number;
  /** All issues found; `issues` holds at most MAX_REPORTED_ISSUES of them. */
  issues: number;
}

export type ImportInstitutionsResult =
  | { ok: true; dryRun: boolean; created: number; updated: number; unchanged: number }
  | { ok: false; issues: RowIssue[]; counts: ImportCounts; truncated: boolean };

export const MAX_REPORTED_ISSUES = 1000;
const CHUNK = 1000;

interface Planned extends InstitutionRow {
  row: number;
  regionId: string;
  /** Optional fields the file actually provides (column present and cell not blank). */
  provided: Set<ImportColumnKey>;
}

export async function importInstitutions(session: Session, input: ImportInstitutionsInput): Promise<ImportInstitutionsResult> {
  return auditFailures(session, "institution.import", async () => {
    await requirePermission(session, "institution.manage");
    if (!input || typeof input.fileName !== "string" || !Buffer.isBuffer(input.bytes))
      throw new AppError("INVALID", "请选择要上传的文件。");
    const baseName = input.fileName.split(/[\\/]/).pop()!.trim();
    const { rows } = await readTableFile(baseName, input.bytes);
    const fileName = baseName.length > 200 ? baseName.slice(0, 100) + "…" + baseName.slice(-99) : baseName;
    if (!rows.length || rows[0].every((c) => !c))
      throw new AppError("INVALID", `文件第 1 行应为表头（${IMPORT_COLUMNS.map((c) => c.zh).join("、")}），但它是空的。`);

    const prisma = await db();
    const dataRows = rows
      .map((cells, i) => ({ cells, row: i + 1 }))
      .slice(1)
      .filter((r) => r.cells.some((c) => c));
    const header = mapImportHeader(rows[0]);
    if (header.issues.length) return refused(session, fileName, failure(header.issues, dataRows.length));
    if (!dataRows.length) throw new AppError("INVALID", "文件只有表头，没有机构数据。");

    const issues: RowIssue[] = [];
    const parsed: { row: number; value: InstitutionRow; provided: Set<ImportColumnKey> }[] = [];
    const firstRowOfCode = new Map<string, number>();
    const regionRows: { row: number; regionCode: string }[] = [];
    for (const { cells, row } of dataRows) {
      const raw: Partial<Record<ImportColumnKey, string>> = {};
      header.keys.forEach((k, j) => {
        if (k) raw[k] = cells[j] ?? "";
      });
      const result = parseInstitutionRow(raw, row);
      issues.push(...result.issues);
      // Duplicates and unknown regions are checked on every row whose cell is well-formed, even if the row has
      // other issues, so that one upload reports everything.
      const code = (raw.code ?? "").trim().toUpperCase();
      if (INSTITUTION_CODE_PATTERN.test(code)) {
        const first = firstRowOfCode.get(code);
        if (first) issues.push({ row, column: "机构编码", message: `机构编码 ${code} 与第 ${first} 行重复` });
        else firstRowOfCode.set(code, row);
      }
      const regionCode = (raw.regionCode ?? "").trim();
      if (REGION_CODE_PATTERN.test(regionCode)) regionRows.push({ row, regionCode });
      if (result.value) {
        const provided = new Set(header.keys.filter((k): k is ImportColumnKey => !!k && !!(raw[k] ?? "").trim()));
        parsed.push({ row, value: result.value, provided });
      }
    }

    const regionCodes = [...new Set(regionRows.map((r) => r.regionCode))];
    const regions = await prisma.region.findMany({ where: { code: { in: regionCodes } }, select: { id: true, code: true } });
    const regionIdByCode = new Map(regions.map((r) => [r.code, r.id]));
    for (const r of regionRows)
      if (!regionIdByCode.has(r.regionCode))
        issues.push({ row: r.row, column: "统筹区编码", message: `统筹区编码 ${r.regionCode} 不存在，请先在“统筹区管理”中添加` });

    if (issues.length) return refused(session, fileName, failure(issues, dataRows.length));

    const planned: Planned[] = parsed.map((p) => ({
      ...p.value,
      row: p.row,
      provided: p.provided,
      regionId: regionIdByCode.get(p.value.regionCode)!,
    }));
    if (input.dryRun) {
      const plan = await planChanges(prisma, planned);
      return { ok: true, dryRun: true, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
    }

    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    try {
      return await prisma.$transaction(
        async (tx) => {
          const plan = await planChanges(tx, planned);
          for (let i = 0; i < plan.creates.length; i += CHUNK) await tx.institution.createMany({ data: plan.creates.slice(i, i + CHUNK) });
          for (let i = 0; i < plan.updates.length; i += CHUNK) await updateBatch(tx, plan.updates.slice(i, i + CHUNK));
          const counts = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
          await recordAudit(tx, actorOf(session), {
            action: "institution.import",
            objectType: "Institution",
            detail: { fileName, sha256, bytes: input.bytes.length, rows: planned.length, ...counts },
          });
          return { ok: true as const, dryRun: false, ...counts };
        },
        { maxWait: 10_000, timeout: 120_000 },
      );
    } catch (e) {
      if ((e as { code?: string }).code === "P2002")
        throw new AppError("CONFLICT", "导入期间有其他人修改了机构数据（机构编码冲突），未导入任何数据，请重新上传。");
      throw e;
    }
  });
}

/** A file with row issues writes nothing but leaves an audit row with its counts. */
async function refused(session: Session, fileName: string, result: ImportInstitutionsResult) {
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "institution.import",
      result: "FAILURE",
      detail: { fileName, ...("counts" in result ? result.counts : {}) },
    }),
  );
  return result;
}

function failure(all: RowIssue[], rows: number): ImportInstitutionsResult {
  const order = new Map<string, number>(IMPORT_COLUMNS.map((c, i) => [c.zh, i]));
  const sorted = [...all].sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
  return {
    ok: false,
    issues: sorted.slice(0, MAX_REPORTED_ISSUES),
    truncated: sorted.length > MAX_REPORTED_ISSUES,
    counts: { rows, rowsWithIssues: new Set(all.filter((i) => i.row > 1).map((i) => i.row)).size, issues: all.length },
  };
}

type Db = PrismaClient | Prisma.TransactionClient;

interface Stored {
  id: string;
  name: string;
  regionId: string;
  level: InstitutionLevel;
  type: InstitutionType;
  district: string | null;
  beds: number | null;
  designatedSince: string | null;
  active: boolean;
}

/** Splits the rows into new institutions and changed existing ones (by code), as of `client`'s view. */
async function planChanges(client: Db, rows: Planned[]) {
  const existing = new Map<string, Stored>();
  const codes = rows.map((r) => r.code);
  for (let i = 0; i < codes.length; i += CHUNK) {
    const found = await client.institution.findMany({ where: { code: { in: codes.slice(i, i + CHUNK) } } });
    for (const f of found) existing.set(f.code, { ...f, designatedSince: f.designatedSince?.toISOString().slice(0, 10) ?? null });
  }
  const creates: Prisma.InstitutionCreateManyInput[] = [];
  const updates: Stored[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const before = existing.get(r.code);
    if (!before) {
      creates.push({
        code: r.code,
        name: r.name,
        regionId: r.regionId,
        level: r.level,
        type: r.type,
        district: r.district,
        beds: r.beds,
        designatedSince: r.designatedSince ? new Date(r.designatedSince + "T00:00:00Z") : null,
        active: r.active,
      });
      continue;
    }
    const has = (k: ImportColumnKey) => r.provided.has(k);
    const after: Stored = {
      id: before.id,
      name: r.name,
      regionId: r.regionId,
      level: r.level,
      type: r.type,
      district: has("district") ? r.district : before.district,
      beds: has("beds") ? r.beds : before.beds,
      designatedSince: has("designatedSince") ? r.designatedSince : before.designatedSince,
      active: has("active") ? r.active : before.active,
    };
    const changed = (Object.keys(after) as (keyof Stored)[]).some((k) => after[k] !== before[k]);
    if (changed) updates.push(after);
    else unchanged++;
  }
  return { creates, updates, unchanged };
}

/** One UPDATE … FROM (VALUES …) for a batch of institutions. */
async function updateBatch(tx: Prisma.TransactionClient, rows: Stored[]) {
  const values = Prisma.join(
    rows.map(
      (r) =>
        Prisma.sql`(${r.id}::text, ${r.name}::text, ${r.regionId}::text, ${r.level}::text, ${r.type}::text, ${r.district}::text, ${r.beds}::int, ${r.designatedSince}::date, ${r.active}::boolean)`,
    ),
  );
  await tx.$executeRaw`
    UPDATE "Institution" AS i SET
      "name" = v.name, "regionId" = v.region_id, "level" = v.level::"InstitutionLevel", "type" = v.type::"InstitutionType",
      "district" = v.district, "beds" = v.beds, "designatedSince" = v.designated_since, "active" = v.active,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM (VALUES ${values}) AS v(id, name, region_id, level, type, district, beds, designated_since, active)
    WHERE i.id = v.id`;
}
