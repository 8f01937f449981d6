import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { checkAuditChain, type ChainReport } from "./audit-chain";
import { actorOf, recordAudit } from "./record-audit";

/**
 * Checks the whole audit log's hash chain and reports the first row that was edited, removed or inserted
 * (AUDIT_ADMIN). The check is itself audited, as FAILURE with the broken row when tampering is found.
 */
export async function verifyAuditChain(session: Session): Promise<ChainReport> {
  await requirePermission(session, "audit.read");
  const prisma = await db();
  const report = await checkAuditChain(prisma);
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "audit.verify",
      objectType: "AuditEvent",
      objectId: report.problem?.id ?? report.last?.id,
      result: report.ok ? "SUCCESS" : "FAILURE",
      detail: { checked: report.checked, lastId: report.last?.id ?? null, problem: report.problem },
    }),
  );
  return report;
}
