import ExcelJS from "exceljs";
import { neutraliseCell } from "@/app/_domain/catalogues/table-format";
import { AUDIT_RESULT_LABELS, auditFilterSchema } from "@/app/_domain/schemas/audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, invalid } from "../errors";
import { auditEventDto, auditWhere, type AuditEventDto } from "./audit-query";
import { actorOf, recordAudit } from "./record-audit";

/** More rows than this in one file: narrow the filter (a year of a busy region is well below it). */
export const AUDIT_EXPORT_LIMIT = 200_000;

const COLUMNS: { zh: string; width: number; value: (e: AuditEventDto) => string }[] = [
  { zh: "序号", width: 10, value: (e) => e.id },
  { zh: "时间（UTC）", width: 26, value: (e) => e.at },
  { zh: "操作人", width: 16, value: (e) => e.actorName ?? "" },
  { zh: "操作人 ID", width: 28, value: (e) => e.actorId ?? "" },
  { zh: "角色", width: 20, value: (e) => e.actorRoles ?? "" },
  { zh: "范围", width: 30, value: (e) => e.scope ?? "" },
  { zh: "来源 IP", width: 16, value: (e) => e.ip ?? "" },
  { zh: "操作", width: 24, value: (e) => e.action },
  { zh: "对象类型", width: 16, value: (e) => e.objectType ?? "" },
  { zh: "对象", width: 28, value: (e) => e.objectId ?? "" },
  { zh: "结果", width: 8, value: (e) => AUDIT_RESULT_LABELS[e.result] },
  { zh: "请求 ID", width: 38, value: (e) => e.requestId ?? "" },
  { zh: "详情", width: 60, value: (e) => e.detail ?? "" },
  { zh: "哈希", width: 66, value: (e) => e.hash },
];

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The events as CSV for Excel (BOM, CRLF); every cell neutralised against formula injection. */
export function auditCsv(events: readonly AuditEventDto[]): Buffer {
  const lines = [COLUMNS.map((c) => c.zh).join(",")];
  for (const e of events) lines.push(COLUMNS.map((c) => quote(neutraliseCell(c.value(e)))).join(","));
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

export async function auditXlsx(events: readonly AuditEventDto[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "亮底";
  const ws = wb.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width, style: { numFmt: "@" } }));
  ws.addRow(COLUMNS.map((c) => c.zh)).font = { bold: true };
  // Every cell is text (ids and hashes keep their digits), neutralised like the CSV.
  for (const e of events) ws.addRow(COLUMNS.map((c) => neutraliseCell(c.value(e))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The filtered audit log as a CSV or xlsx file, oldest first (AUDIT_ADMIN). The export is audited with its
 * filter and row count.
 */
export async function exportAuditEvents(session: Session, input: { filter?: unknown; format: "csv" | "xlsx" }) {
  await requirePermission(session, "audit.read");
  const parsed = auditFilterSchema.safeParse(input.filter ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const filter = parsed.data;
  const prisma = await db();
  const where = auditWhere(filter);
  const count = await prisma.auditEvent.count({ where });
  if (count > AUDIT_EXPORT_LIMIT)
    throw invalid(`符合条件的记录有 ${count} 条，超过单个文件 ${AUDIT_EXPORT_LIMIT} 条的上限，请缩小时间范围后分批导出。`);
  const events = (await prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } })).map(auditEventDto);
  const bytes = input.format === "csv" ? auditCsv(events) : await auditXlsx(events);
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "audit.export",
      objectType: "AuditEvent",
      detail: { filter, format: input.format, rows: events.length },
    }),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    fileName: `审计日志-${stamp}.${input.format}`,
    contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
  };
}
