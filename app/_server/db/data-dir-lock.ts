import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite corrupts a data directory silently when two processes open it (seen here: duplicate keys, lost rows), so the directory is
 * guarded by a lock file created atomically. A lock left by a process that no longer runs (killed, crashed, the machine
 * restarted) is taken over with a message on the log; PGlite then recovers the database to its last commit
 * (test/integration/crash-safety.test.ts kills the portal mid-transaction to check both).
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

interface Holder {
  pid: number;
  /** When the holder process started (Linux: /proc/PID/stat), to tell it from a later process given the same PID. */
  started?: string;
  since?: string;
}

/** A process's start time in clock ticks since boot (Linux), or undefined where /proc does not tell. */
function processStarted(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function processAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // The PID runs, but after a restart it may be another process's (in a container PIDs repeat).
  const started = holder.started && processStarted(holder.pid);
  return !started || started === holder.started;
}

/** Takes the lock for `dataDir` or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify({ pid, started: processStarted(pid), host: os.hostname(), since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readHolder(file)?.pid === pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder && holder.pid !== pid && processAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      // A stale lock (its process is gone, or the file is unreadable): take it over, and say so.
      const who = holder ? `PID ${holder.pid}${holder.since ? `，${holder.since} 起` : ""}` : "锁文件无法读取";
      console.warn(
        `[亮底] 数据目录 ${dataDir} 的锁属于已不在运行的进程（${who}）：上次未正常退出（崩溃、被强制结束或断电）。` +
          `本进程（PID ${pid}）接管该目录，数据库恢复到最后一次提交的状态。` +
          ` / Taking over the stale lock of data directory ${dataDir}: its process (${holder ? `PID ${holder.pid}` : "unreadable lock"}) no longer runs; ` +
          `it did not shut down cleanly. The database recovers to its last committed transaction.`,
      );
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获得数据目录锁：${file}`);
}

function readHolder(file: string): Holder | undefined {
  try {
    const held = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Holder>;
    const pid = Number(held.pid);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return {
      pid,
      started: typeof held.started === "string" ? held.started : undefined,
      since: typeof held.since === "string" ? held.since : undefined,
    };
  } catch {
    return undefined;
  }
}
