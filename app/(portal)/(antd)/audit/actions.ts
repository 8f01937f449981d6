"use server";

import { describeChainReport } from "@/app/_server/audit/audit-chain";
import { verifyAuditChain } from "@/app/_server/audit/verify-audit-chain";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function verifyAuditChainAction() {
  const session = await requireSession();
  return toActionResult(async () => {
    const report = await verifyAuditChain(session);
    return { ok: report.ok, summary: describeChainReport(report), problemId: report.problem?.id ?? null, checkedAt: report.checkedAt };
  });
}
