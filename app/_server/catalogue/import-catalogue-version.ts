import { createHash } from "node:crypto";
import { SCHEMES, type IndicatorDef } from "@/app/_domain/catalogue";
import { checkCatalogueFormulas, describeFormulaIssue } from "@/app/_domain/catalogues/check-catalogue";
import { CATALOGUE_COLUMNS, mapCatalogueHeader, parseCatalogueRow, type CatalogueColumnKey } from "@/app/_domain/catalogues/table-format";
import type { RowIssue } from "@/app/_domain/institutions";
import { catalogueVersionMetaSchema } from "@/app/_domain/schemas/catalogue";
import { readTableFile } from "../admin/read-table-file";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod } from "../errors";
import { indicatorCreateMany } from "./indicator-rows";

/**
 * Imports a catalogue file (the layout exportCatalogueVersion writes) as a NEW catalogue version, all or
 * nothing: every row is checked (fields, codes unique in the file, formulas: syntax with position, unknown
 * indicators, cycles, schemes) and if anything is wrong nothing is written, every issue is returned with its
 * row and column, and one FAILURE audit row records the attempt. An existing version is never changed.
 * The version must be self-contained: formulas may refer only to indicators of the same file.
 */

export interface ImportCatalogueInput {
  code: string;
  name: string;
  description?: string | null;
  reconstructed?: boolean;
  fileName: string;
  bytes: Buffer;
}

export type ImportCatalogueResult =
  | { ok: true; code: string; indicators: number }
  | { ok: false; issues: RowIssue[]; counts: { rows: number; rowsWithIssues: number; issues: number }; truncated: boolean };

export const MAX_REPORTED_ISSUES = 1000;

export async function importCatalogueVersion(session: Session, input: ImportCatalogueInput): Promise<ImportCatalogueResult> {
  return auditFailures(session, "catalogue.import", async () => {
    await requirePermission(session, "catalogue.manage");
    const meta = catalogueVersionMetaSchema.safeParse(input ?? {});
    if (!meta.success) throw fromZod(meta.error);
    if (typeof input.fileName !== "string" || !Buffer.isBuffer(input.bytes)) throw new AppError("INVALID", "请选择要上传的目录文件。");
    const { code, name, description, reconstructed } = meta.data;
    const prisma = await db();
    if (await prisma.catalogueVersion.findUnique({ where: { code }, select: { id: true } }))
      throw new AppError("CONFLICT", `目录版本 ${code} 已存在。已有版本不能修改，请换一个新的版本编码。`, { code: "版本编码已存在" });

    const fileName = input.fileName.split(/[\\/]/).pop()!.trim().slice(-200);
    const { rows } = await readTableFile(fileName, input.bytes);
    if (!rows.length || rows[0].every((c) => !c))
      throw new AppError("INVALID", `文件第 1 行应为表头（${CATALOGUE_COLUMNS.map((c) => c.zh).join("、")}），但它是空的。`);
    const dataRows = rows
      .map((cells, i) => ({ cells, row: i + 1 }))
      .slice(1)
      .filter((r) => r.cells.some((c) => c));
    const header = mapCatalogueHeader(rows[0]);
    if (header.issues.length) return refused(session, code, fileName, header.issues, dataRows.length);
    if (!dataRows.length) throw new AppError("INVALID", "文件只有表头，没有指标。");

    const issues: RowIssue[] = [];
    const parsed: { row: number; value: IndicatorDef }[] = [];
    const firstRowOfCode = new Map<string, number>();
    for (const { cells, row } of dataRows) {
      const raw: Partial<Record<CatalogueColumnKey, string>> = {};
      header.keys.forEach((k, j) => {
        if (k) raw[k] = cells[j] ?? "";
      });
      const result = parseCatalogueRow(raw, row);
      issues.push(...result.issues);
      const codeCell = (raw.code ?? "").trim().toUpperCase();
      if (codeCell) {
        const first = firstRowOfCode.get(codeCell);
        if (first) issues.push({ row, column: "指标编码", message: `指标编码 ${codeCell} 与第 ${first} 行重复` });
        else firstRowOfCode.set(codeCell, row);
      }
      if (result.value) parsed.push({ row, value: result.value });
    }
    // Formulas are checked together (references, cycles, schemes). A code whose row failed for other reasons
    // still counts as known, so that one upload reports each problem once and where it is.
    const unique = parsed.filter((p) => firstRowOfCode.get(p.value.code) === p.row);
    const rowOfCode = new Map(unique.map((p) => [p.value.code, p.row]));
    const failedCodes = [...firstRowOfCode.keys()]
      .filter((c) => !rowOfCode.has(c))
      .map((c) => ({ code: c, formula: null, schemes: [...SCHEMES] }));
    for (const f of checkCatalogueFormulas(
      unique.map((p) => p.value),
      failedCodes,
    ))
      issues.push({ row: rowOfCode.get(f.code)!, column: "计算公式", message: describeFormulaIssue(f) });

    if (issues.length) return refused(session, code, fileName, issues, dataRows.length);

    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const indicators = parsed.map((p) => p.value);
    try {
      return await prisma.$transaction(
        async (tx) => {
          const version = await tx.catalogueVersion.create({ data: { code, name, description, reconstructed } });
          await tx.indicator.createMany({ data: indicatorCreateMany(indicators, version.id) });
          await recordAudit(tx, actorOf(session), {
            action: "catalogue.import",
            objectType: "CatalogueVersion",
            objectId: version.id,
            detail: { code, name, fileName, sha256, bytes: input.bytes.length, indicators: indicators.length },
          });
          return { ok: true as const, code, indicators: indicators.length };
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `目录版本 ${code} 已被他人同时导入，未写入任何数据。`);
      throw e;
    }
  });
}

/** A file with issues writes nothing but leaves one FAILURE audit row with its counts. */
async function refused(session: Session, code: string, fileName: string, all: RowIssue[], rows: number): Promise<ImportCatalogueResult> {
  const order = new Map<string, number>(CATALOGUE_COLUMNS.map((c, i) => [c.zh, i]));
  const sorted = [...all].sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
  const counts = { rows, rowsWithIssues: new Set(all.filter((i) => i.row > 1).map((i) => i.row)).size, issues: all.length };
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), { action: "catalogue.import", result: "FAILURE", detail: { code, fileName, ...counts } }),
  );
  return { ok: false, issues: sorted.slice(0, MAX_REPORTED_ISSUES), counts, truncated: sorted.length > MAX_REPORTED_ISSUES };
}
