import fs from "node:fs";

/**
 * A process's or thread's CPU time so far (user + system, in ms) and its process group, from Linux's
 * /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat; null when the file cannot be read (ended meanwhile, or no /proc).
 */
export function procStat(file: string): { cpuMs: number; group: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" "); // after the command name, which may hold spaces
  return { group: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 }; // pgrp; utime, stime in ticks of 1/100 s
}
