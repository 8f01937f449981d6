import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

  it("takes over a lock left behind by a process that no longer runs", () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dir, "liangdi.lock"), JSON.stringify({ pid: Number(dead) }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "liangdi.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "liangdi.lock"))).toBe(false);
  });
});
