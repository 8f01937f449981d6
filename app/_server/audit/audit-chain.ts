import type { PrismaClient } from "../generated/prisma/client";
import { auditHash, hashableAuditRow } from "./record-audit";

/**
 * Walks the audit log in id order and recomputes every hash (SHA-256 over the previous hash and the row's
 * canonical JSON, as recordAudit wrote it). The first row that does not match is reported:
 * - EDITED: the row's stored fields no longer give its stored hash (a field was changed in place);
 * - MISSING: the row's prevHash is not the hash of the row before it (rows were deleted or inserted between);
 * - MISSING_AT_START: the oldest row remaining has a prevHash, so older rows were removed.
 * Gaps in ids alone are not tampering: a rolled-back transaction consumes a sequence number.
 * Rows cut from the end leave a valid chain: compare `last` with the copy shipped off the host (SECURITY.md).
 */
export type ChainProblemKind = "EDITED" | "MISSING" | "MISSING_AT_START";

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The first row that fails. */
  id: string;
  at: string;
  action: string;
  /** The id of the last row that still verified, if any. */
  afterId: string | null;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  first: { id: string; at: string } | null;
  last: { id: string; at: string; hash: string } | null;
  problem: ChainProblem | null;
  checkedAt: string;
}

const BATCH = 2000;

export async function checkAuditChain(prisma: Pick<PrismaClient, "auditEvent">): Promise<ChainReport> {
  let checked = 0;
  let prev: { id: bigint; hash: string } | null = null;
  let first: ChainReport["first"] = null;
  let last: ChainReport["last"] = null;
  let cursor: bigint | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof prisma.auditEvent.findMany>> = await prisma.auditEvent.findMany({
      where: cursor === null ? undefined : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const r of rows) {
      const report = (kind: ChainProblemKind): ChainReport => ({
        ok: false,
        checked,
        first,
        last,
        problem: { kind, id: r.id.toString(), at: r.at.toISOString(), action: r.action, afterId: prev ? prev.id.toString() : null },
        checkedAt: new Date().toISOString(),
      });
      if (prev === null ? r.prevHash !== null : r.prevHash !== prev.hash) return report(prev === null ? "MISSING_AT_START" : "MISSING");
      if (auditHash(r.prevHash, hashableAuditRow(r)) !== r.hash) return report("EDITED");
      checked++;
      first ??= { id: r.id.toString(), at: r.at.toISOString() };
      last = { id: r.id.toString(), at: r.at.toISOString(), hash: r.hash };
      prev = { id: r.id, hash: r.hash };
    }
    cursor = rows[rows.length - 1].id;
  }
  return { ok: true, checked, first, last, problem: null, checkedAt: new Date().toISOString() };
}

const KIND_ZH: Record<ChainProblemKind, string> = {
  EDITED: "内容被修改（哈希不符）",
  MISSING: "之前的记录缺失或被插入（前序哈希不符）",
  MISSING_AT_START: "更早的记录缺失（首条记录带有前序哈希）",
};

/** One line of Chinese for the page and the command. */
export function describeChainReport(r: ChainReport): string {
  if (r.ok)
    return r.last
      ? `哈希链完整：已校验 ${r.checked} 条记录（#${r.first?.id} 至 #${r.last.id}），末条哈希 ${r.last.hash.slice(0, 16)}…`
      : "审计日志为空，无需校验。";
  const p = r.problem!;
  return `哈希链断裂：第 #${p.id} 条记录（${p.action}，${p.at}）${KIND_ZH[p.kind]}${p.afterId ? `；#${p.afterId} 及之前的 ${r.checked} 条记录完好` : ""}。`;
}
