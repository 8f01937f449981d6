import { auditExportQuerySchema } from "@/app/_domain/schemas/audit";
import { exportAuditEvents } from "@/app/_server/audit/export-audit-events";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";

/** GET ?format=csv|xlsx&from&to&actor&action&result: the filtered audit log as a file (AUDIT_ADMIN). */
export const GET = apiRoute(
  { summary: "导出审计日志（CSV/xlsx）", auth: "session", query: auditExportQuerySchema },
  async ({ session, query }) => {
    const { format, ...filter } = query;
    return fileResponse(await exportAuditEvents(session, { filter, format }));
  },
);
