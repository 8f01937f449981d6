import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/app/_server/db/data-dir-lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-lock-"));

describe("embedded database directory lock", () => {
  it("lets one process in and gives a second one a clear message", () => {
    const dir = tmp();
    const release = lockDataDir(dir);
    // A live process other than us holds it: pretend to be the parent process asking.
    const other = () => lockDataDir(dir, process.ppid);
    expect(other).toThrow(DataDirLockedError);
    expect(other).toThrow(/正被另一个进程（PID \d+）使用/);
    release();
    const again = lockDataDir(dir, process.ppid);
    again();
  });

  it("takes over a lock left behind by a process that no longer runs, and says so", () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dir, "liangdi.lock"), JSON.stringify({ pid: Number(dead), since: "2026-12-05T01:02:03.000Z" }));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const release = lockDataDir(dir);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toContain(`数据目录 ${dir} 的锁属于已不在运行的进程（PID ${dead}，2026-12-05T01:02:03.000Z 起）`);
    expect(warn.mock.calls[0][0]).toContain(`Taking over the stale lock of data directory ${dir}`);
    warn.mockRestore();
    expect(JSON.parse(fs.readFileSync(path.join(dir, "liangdi.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "liangdi.lock"))).toBe(false);
  });

  it.runIf(fs.existsSync("/proc/self/stat"))(
    "takes over a lock whose PID now belongs to another process (PIDs repeat after a restart)",
    () => {
      const dir = tmp();
      // The parent process runs, but it is not the process that wrote this lock: that one started at another time.
      fs.writeFileSync(path.join(dir, "liangdi.lock"), JSON.stringify({ pid: process.ppid, started: "1" }));
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const release = lockDataDir(dir);
      expect(warn.mock.calls[0][0]).toContain(`PID ${process.ppid}`);
      warn.mockRestore();
      release();
      // With its true start time the same PID holds the lock.
      const held = lockDataDir(dir, process.ppid);
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      held();
    },
  );
});
