import { createHash } from "node:crypto";
import { actorOf, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { database } from "../db";
import { invalid } from "../errors";

/**
 * A backup of the embedded database, taken while the portal runs (SYSTEM_ADMIN; security-requirements
 * REL-08, 等保 数据备份恢复): PGlite's data directory as a gzipped tar, consistent (see OpenDatabase.dumpDataDir).
 * `npm run db:restore -- FILE` restores it into an empty data directory. On PostgreSQL the database server's
 * own tools do this (pg_dump / pg_restore, README). Audited with the file's size and SHA-256.
 */
export const BACKUP_CONTENT_TYPE = "application/gzip";

export async function downloadBackup(session: Session, now = new Date()) {
  await requirePermission(session, "system.backup");
  const open = await database();
  if (!open.dumpDataDir)
    throw invalid("本系统使用 PostgreSQL 数据库，请在数据库服务器上用 pg_dump 备份、pg_restore 恢复（见 README“备份与恢复”）。");
  const bytes = await open.dumpDataDir();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await open.prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), { action: "system.backup", objectType: "Database", detail: { bytes: bytes.length, sha256 } }),
  );
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return { fileName: `liangdi-backup-${stamp}.tar.gz`, contentType: BACKUP_CONTENT_TYPE, bytes };
}
