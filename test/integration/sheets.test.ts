import { beforeAll, describe, expect, it } from "vitest";
import { warningKey } from "@/app/_domain/sheets/warning-key";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { sessionFromApiToken } from "@/app/_server/auth/api-token-session";
import { createApiToken } from "@/app/_server/sheets/create-api-token";
import { listApiTokens } from "@/app/_server/sheets/list-api-tokens";
import { revokeApiToken } from "@/app/_server/sheets/revoke-api-token";
import { diffSheetVersions } from "@/app/_server/sheets/diff-sheet-versions";
import { downloadSheetOriginal, downloadSheetReport } from "@/app/_server/sheets/download-sheet-file";
import { downloadSheetTemplate } from "@/app/_server/sheets/download-sheet-template";
import { getSheetVersion } from "@/app/_server/sheets/get-sheet-version";
import { listSheets } from "@/app/_server/sheets/list-sheets";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";
const cell = (v: string | number) => (String(v).includes(",") ? `"${v}"` : String(v));
const csv = (rows: (string | number)[][]) => Buffer.from("\uFEFF" + [HEADER, ...rows.map((r) => r.map(cell).join(","))].join("\n") + "\n");
const file = (rows: (string | number)[][], fileName = "sheet.csv") => ({ source: { kind: "file" as const, fileName, bytes: csv(rows) } });

let catalogue: IndicatorDef[] = [];
/** A complete, consistent month of region A (合肥市) with its two institutions. */
const month = (period: string, over: Record<string, string> = {}) =>
  completeSheetRows(catalogue, "340100", period, ["H34010000001", "H34010000002"], over);
const january = (over: Record<string, string> = {}) => month("2025-01", over);

describe("monthly base sheet: upload, versions, review", () => {
  const prisma = useTestDatabase();
  let w: World;
  let entry: Session;
  let reviewer: Session;
  beforeAll(async () => {
    w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
  });

  it("rejects a sheet with errors as a whole, cell by cell, storing nothing but an audit row", async () => {
    const r = await uploadSheet(
      entry,
      file([
        ...january({ "FI03|EMPLOYEE|": "12,3O4", "SV02|TOTAL|": "9000" }),
        ["340100", "2025-01", "XX99", "TOTAL", "", "1"],
        ["340100", "2025-01", "IN02", "TOTAL", "H34020000001", "5"],
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.stage).toBe("errors");
    const messages = r.report.errors.map((e) => `${e.location} ${e.message}`).join("\n");
    expect(messages).toContain("字母 O");
    expect(messages).toMatch(/XX99/);
    expect(messages).toContain("不属于本统筹区");
    expect(r.report.errors.some((e) => e.rule.startsWith("identity") && e.indicatorCode === "SV02")).toBe(true);
    expect(await prisma().sheetVersion.count()).toBe(0);
    expect(await prisma().auditEvent.count({ where: { action: "sheet.upload", result: "FAILURE", actorId: entry.userId } })).toBe(1);
  });

  it("refuses another region's code, whatever the file says", async () => {
    const rows = january().map((r) => ["340200", ...r.slice(1)]);
    const r = await uploadSheet(entry, file(rows));
    expect(r.ok).toBe(false);
    expect(await prisma().sheetVersion.count()).toBe(0);
  });

  it("stores a clean sheet as version 1, reports a byte-identical re-upload as unchanged", async () => {
    const r = await uploadSheet(entry, file(january()));
    expect(r).toMatchObject({ ok: true, dryRun: false, unchanged: false, version: 1, period: "2025-01" });
    const again = await uploadSheet(entry, file(january()));
    expect(again).toMatchObject({ ok: true, unchanged: true, version: 1 });
    const list = await listSheets(entry);
    expect(list.sheets[0]).toMatchObject({ period: "2025-01", accepted: null, pending: 1 });
    const dry = await uploadSheet(entry, { ...file(january({ "FE01|EMPLOYEE|": "101" })), dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true });
    expect(await prisma().sheetVersion.count()).toBe(1);
  });

  it("keeps the original bytes and the values exactly (decimal, thousands separators removed)", async () => {
    const { sheets } = await listSheets(entry);
    const v = await getSheetVersion(entry, sheets[0].versions[0].id);
    expect(v.values.find((x) => x.indicatorCode === "FI03")?.value).toBe("100");
    expect(v.values.find((x) => x.indicatorCode === "IN02" && x.institutionCode === "H34010000002")?.value).toBe("100");
    expect(v.values).toHaveLength(january().length);
    const original = await downloadSheetOriginal(entry, v.id);
    expect(original.bytes.equals(csv(january()))).toBe(true);
    expect((await downloadSheetReport(entry, v.id)).bytes.toString("utf8")).toContain("级别,位置");
  });

  it("never lets a stored version's values change or disappear (database trigger)", async () => {
    const { sheets } = await listSheets(entry);
    const id = sheets[0].versions[0].id;
    await expect(prisma().$executeRaw`UPDATE "SheetValueSet" SET "values" = '' WHERE "versionId" = ${id}`).rejects.toThrow(/immutable/);
    await expect(prisma().$executeRaw`DELETE FROM "SheetValueSet" WHERE "versionId" = ${id}`).rejects.toThrow(/immutable/);
    const [{ n }] = await prisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SheetValue" WHERE "versionId" = ${id}`;
    expect(n).toBe(january().length);
  });

  it("labels the version's cells with its catalogue's input indicators and the region's institutions", async () => {
    const { sheets } = await listSheets(entry);
    const v = await getSheetVersion(entry, sheets[0].versions[0].id);
    const inputs = catalogue.filter((i) => i.formula === null);
    expect(v.indicators.map((i) => i.code)).toEqual(inputs.map((i) => i.code));
    expect(v.indicators.find((i) => i.code === "FI03")).toMatchObject({ scope: "REGION", unit: "万元", schemes: ["EMPLOYEE"] });
    expect(v.institutions.map((i) => i.code)).toEqual(["H34010000001", "H34010000002"]);
  });

  it("maker-checker: the uploader cannot accept, another reviewer can; accepting supersedes the previous accepted version", async () => {
    const { sheets } = await listSheets(entry);
    const v1 = sheets[0].versions[0].id;
    const self = await createUserSession(prisma(), ["DATA_ENTRY", "DATA_REVIEWER"], { regionId: w.regionA.id });
    const own = await uploadSheet(self, file(january({ "FE01|EMPLOYEE|": "99.5" })));
    if (!own.ok || own.dryRun || own.unchanged) throw new Error("upload failed: " + JSON.stringify(own).slice(0, 800));
    await expect(reviewSheet(self, { versionId: own.versionId, decision: "ACCEPT" })).rejects.toThrow("不能审核自己上传的数据");
    await expect(reviewSheet(entry, { versionId: v1, decision: "ACCEPT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reviewSheet(reviewer, { versionId: v1, decision: "ACCEPT" })).toEqual({ status: "ACCEPTED", superseded: null });
    expect(await reviewSheet(reviewer, { versionId: own.versionId, decision: "ACCEPT" })).toEqual({ status: "ACCEPTED", superseded: 1 });
    const statuses = (await listSheets(entry)).sheets[0].versions.map((v) => [v.version, v.status]);
    expect(statuses).toEqual([
      [2, "ACCEPTED"],
      [1, "SUPERSEDED"],
    ]);
    await expect(reviewSheet(reviewer, { versionId: v1, decision: "ACCEPT" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reviewSheet(reviewer, { versionId: own.versionId, decision: "REJECT", comment: "重复审核" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(reviewSheet(reviewer, { versionId: v1, decision: "REJECT" })).rejects.toThrow("退回时请写明原因");
  });

  it("shows the cell-level difference between two versions", async () => {
    const { sheets } = await listSheets(entry);
    const [v2, v1] = sheets[0].versions;
    const d = await diffSheetVersions(entry, { fromId: v1.id, toId: v2.id });
    expect(d).toEqual({
      from: 1,
      to: 2,
      changes: [{ indicatorCode: "FE01", scheme: "EMPLOYEE", institutionCode: null, before: "100", after: "99.5", kind: "CHANGED" }],
    });
  });

  it("asks for an explanation of each warning, then keeps it in the report", async () => {
    // February YTD lower than January's accepted value: the year-to-date fell.
    const feb = month("2025-02", { "FI03|EMPLOYEE|": "90" });
    const first = await uploadSheet(entry, file(feb, "feb.csv"));
    expect(first).toMatchObject({ ok: false, stage: "warnings" });
    if (first.ok) return;
    const warning = first.report.warnings.find((x) => x.indicatorCode === "FI03");
    expect(warning?.message).toBeTruthy();
    const explanations = Object.fromEntries(first.report.warnings.map((x) => [warningKey(x), "1 月多计收入，2 月冲回更正"]));
    const stored = await uploadSheet(entry, { ...file(feb, "feb.csv"), explanations });
    expect(stored).toMatchObject({ ok: true, unchanged: false, version: 1, period: "2025-02" });
    if (!stored.ok || stored.dryRun || stored.unchanged) return;
    const v = await getSheetVersion(entry, stored.versionId);
    expect(v.report.warnings.every((x) => (x as { explanation?: string }).explanation === "1 月多计收入，2 月冲回更正")).toBe(true);
  });

  it("hides one region's versions from another region's staff and from hospitals", async () => {
    const { sheets } = await listSheets(entry);
    const id = sheets.at(-1)!.versions[0].id;
    const otherEntry = await createUserSession(prisma(), ["DATA_ENTRY", "DATA_REVIEWER"], { regionId: w.regionB.id });
    await expect(getSheetVersion(otherEntry, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewSheet(otherEntry, { versionId: id, decision: "REJECT", comment: "越权" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await listSheets(otherEntry)).sheets).toEqual([]);
    const hospital = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    await expect(listSheets(hospital)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSheetVersion(hospital, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("generates the region's xlsx template and refuses a future month", async () => {
    const t = await downloadSheetTemplate(entry, { period: "2025-03" });
    expect(t.bytes.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    expect(t.fileName).toContain("合肥市-2025-03");
    await expect(downloadSheetTemplate(entry, { period: "2098-01" })).rejects.toThrow("尚未到来");
  });

  it("API tokens: shown once, stored hashed, act as DATA_ENTRY of the region, stop when revoked", async () => {
    const { id, token } = await createApiToken(entry, { name: "医保信息平台推送" });
    expect(token).toMatch(/^ld_/);
    expect(JSON.stringify(await prisma().apiToken.findMany())).not.toContain(token);
    const s = await sessionFromApiToken(`Bearer ${token}`, { ip: "127.0.0.1", requestId: "req-00000001" });
    expect(s).toMatchObject({ regionId: w.regionA.id, roles: ["DATA_ENTRY"] });
    const r = await uploadSheet(s!, {
      source: {
        kind: "api",
        bytes: Buffer.from("{}"),
        body: {
          regionCode: "340100",
          period: "2025-03",
          values: month("2025-03").map(([, , indicator, scheme, institution, value]) => ({
            indicator,
            scheme,
            institution,
            value: Number(value),
          })),
        },
      },
    });
    expect(r).toMatchObject({ ok: true, version: 1, period: "2025-03" });
    expect((await listApiTokens(entry))[0]).toMatchObject({ id, name: "医保信息平台推送" });
    await revokeApiToken(entry, { id });
    expect(await sessionFromApiToken(`Bearer ${token}`, { ip: null, requestId: "req-00000002" })).toBeNull();
    expect(await sessionFromApiToken(`Bearer ld_forged`, { ip: null, requestId: "req-00000003" })).toBeNull();
  });
});
