import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock";
import { wrapPglite, type OpenDatabase } from "./open";
import type { SqlConnection } from "./sql";

/**
 * Restores a backup (app/_server/system/download-backup.ts: PGlite's data directory as a gzipped tar) into
 * `dataDir`, which must be empty or missing: a restore never overwrites a database. Returns it open (and
 * locked) for the caller to check and close.
 */
export async function restoreDataDir(dataDir: string, backup: Buffer): Promise<OpenDatabase> {
  const present = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (present.length)
    throw new Error(
      `目标数据目录 ${dataDir} 不是空的（含 ${present.slice(0, 3).join("、")} 等）。恢复只写入空目录：请指定新的 LIANGDI_DATA_DIR，或先把旧目录移走。`,
    );
  if (backup.length < 2 || backup[0] !== 0x1f || backup[1] !== 0x8b)
    throw new Error("备份文件不是亮底的数据库备份（应为系统管理员下载的 .tar.gz 文件）。");
  const release = lockDataDir(dataDir);
  try {
    const pg = await PGlite.create(path.join(dataDir, "pgdata"), { loadDataDir: new Blob([new Uint8Array(backup)]) });
    return wrapPglite(pg, release);
  } catch (e) {
    release();
    throw e;
  }
}

/** Row count and a content hash of every table: equal before a backup and after its restore. */
export async function tableFingerprints(conn: SqlConnection): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await conn.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const q = `"${name.replace(/"/g, '""')}"`;
    const [r] = await conn.query<{ rows: string | number; md5: string | null }>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${q} t`,
    );
    out[name] = { rows: Number(r.rows), md5: r.md5 ?? "" };
  }
  return out;
}
