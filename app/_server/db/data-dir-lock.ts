import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite corrupts a data directory silently when two processes open it (seen here: duplicate keys, lost rows), so the directory is
 * guarded by a lock file created atomically. A lock left by a process that no longer runs is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（PID ${holderPid}）使用。内嵌数据库同一时间只能由一个进程打开：` +
        `请先停止该进程（例如已在运行的 npm start），或用 LIANGDI_DATA_DIR 指定另一个目录。`,
    );
    this.name = "DataDirLockedError";
  }
}

const LOCK_NAME = "liangdi.lock";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock for `dataDir` or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readHolder(file) === pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder !== undefined && holder !== pid && processAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale lock of a dead process (or an unreadable one): take it over
    }
  }
  throw new Error(`无法获得数据目录锁：${file}`);
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number(JSON.parse(fs.readFileSync(file, "utf8")).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
