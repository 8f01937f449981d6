import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PendingStep } from "@/app/_domain/auth-policy";
import { ROLES, type Role } from "@/app/_domain/roles";
import { changePassword } from "@/app/_server/account/change-password";
import { createUser } from "@/app/_server/admin/create-user";
import { importInstitutions } from "@/app/_server/admin/import-institutions";
import { institutionImportTemplate } from "@/app/_server/admin/institution-import-template";
import { listInstitutions } from "@/app/_server/admin/list-institutions";
import { listProvinces } from "@/app/_server/admin/list-provinces";
import { listRegions } from "@/app/_server/admin/list-regions";
import { listUsers } from "@/app/_server/admin/list-users";
import { resetUserPassword } from "@/app/_server/admin/reset-user-password";
import { saveInstitution } from "@/app/_server/admin/save-institution";
import { saveRegion } from "@/app/_server/admin/save-region";
import { setUserStatus } from "@/app/_server/admin/set-user-status";
import { updateUser } from "@/app/_server/admin/update-user";
import { listAuditEvents } from "@/app/_server/audit/list-audit-events";
import { exportAuditEvents } from "@/app/_server/audit/export-audit-events";
import { downloadBackup } from "@/app/_server/system/download-backup";
import { verifyAuditChain } from "@/app/_server/audit/verify-audit-chain";
import { describeScope } from "@/app/_server/auth/describe-scope";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { exportCatalogueVersion } from "@/app/_server/catalogue/export-catalogue-version";
import { getCatalogueVersion } from "@/app/_server/catalogue/get-catalogue-version";
import { importCatalogueVersion } from "@/app/_server/catalogue/import-catalogue-version";
import { listCatalogueVersions } from "@/app/_server/catalogue/list-catalogue-versions";
import { saveLocalIndicator } from "@/app/_server/catalogue/save-local-indicator";
import { getAdminOverview } from "@/app/_server/home/get-admin-overview";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import { getProvinceOverview } from "@/app/_server/home/get-province-overview";
import { getRegionWorkbench } from "@/app/_server/home/get-region-workbench";
import { listAccounts } from "@/app/_server/security/list-accounts";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
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
import { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";
import { getRegionMetrics, getRegionMetricsForPeriod, getRegionQuarterMetrics } from "@/app/_server/metrics/get-region-metrics";
import { getInstitutionComparison } from "@/app/_server/metrics/get-institution-comparison";
import { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";
import { getMetricsTable } from "@/app/_server/metrics/get-metrics-table";
import { getNarrative } from "@/app/_server/metrics/get-narrative";
import { saveNarrative } from "@/app/_server/metrics/save-narrative";
import { beginMfaEnrolment } from "@/app/_server/account/begin-mfa-enrolment";
import { confirmMfaEnrolment } from "@/app/_server/account/confirm-mfa-enrolment";
import { getMfaStatus } from "@/app/_server/account/get-mfa-status";
import { signOutEverywhere } from "@/app/_server/account/sign-out-everywhere";
import { totpCode } from "@/app/_server/auth/totp";
import { resetMfa } from "@/app/_server/security/reset-mfa";
import { terminateSessions } from "@/app/_server/security/terminate-sessions";
import { unlockAccount } from "@/app/_server/security/unlock-account";
import { acknowledgePublication } from "@/app/_server/publications/acknowledge-publication";
import { correctPublication } from "@/app/_server/publications/correct-publication";
import { createTopicalPublication } from "@/app/_server/publications/create-topical-publication";
import { exportPublication } from "@/app/_server/publications/export-publication";
import { getPublication } from "@/app/_server/publications/get-publication";
import { getPublicationEditor } from "@/app/_server/publications/get-publication-editor";
import { getPublicationReceipts } from "@/app/_server/publications/get-publication-receipts";
import { getPublicationsDue } from "@/app/_server/publications/get-publications-due";
import { listNotifications } from "@/app/_server/publications/list-notifications";
import { listPublications } from "@/app/_server/publications/list-publications";
import { markNotificationsRead } from "@/app/_server/publications/mark-notifications-read";
import { publishPublication } from "@/app/_server/publications/publish-publication";
import { remindUnread } from "@/app/_server/publications/remind-unread";
import { reviewPublication } from "@/app/_server/publications/review-publication";
import { submitPublication } from "@/app/_server/publications/submit-publication";
import { updatePublicationDraft } from "@/app/_server/publications/update-publication-draft";
import { withdrawPublication } from "@/app/_server/publications/withdraw-publication";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, scopeFor, TEST_PASSWORD, type World } from "../helpers/fixtures";
import { TEST_DB_KIND, useTestDatabase } from "../helpers/test-database";

/**
 * Every role × every use case: allowed or FORBIDDEN, as docs/product.md §2 says. The expectations are written here
 * from the product table, not derived from ROLE_PERMISSIONS, so a wrong table entry or a use case that forgets
 * its guard both fail. A use case added to app/_server without a row here fails the completeness test.
 */
// Who reached the guard: the completeness check proves that every use case calls requirePermission.
const guarded = vi.hoisted(() => new Set<string>());
vi.mock("@/app/_server/auth/guard", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/app/_server/auth/guard")>();
  return {
    ...real,
    requirePermission: (...args: Parameters<typeof real.requirePermission>) => {
      guarded.add(args[0].userId);
      return real.requirePermission(...args);
    },
  };
});

/**
 * What a user manages about their own sign-in needs no permission and works while a step is pending (it is how
 * the step gets done); every other use case must reach requirePermission.
 */
const SELF_SERVICE = new Set([
  "signOutEverywhere",
  "getMfaStatus",
  "beginMfaEnrolment",
  "confirmMfaEnrolment",
  "changePassword",
  "describeScope",
]);
const PENDING_STEPS: PendingStep[] = ["change-password", "password-expired", "enrol-mfa"];
/** The use cases whose allowed runs reached the guard. */
const reached = new Set<string>();

const ALL = ROLES;
const SYS: Role[] = ["SYSTEM_ADMIN"];
const REGION_STAFF: Role[] = ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"];
/** Every signed-in bureau role reads the catalogue (region staff: their region's); hospital users and the other admins do not. */
const CATALOGUE_READERS: Role[] = ["SYSTEM_ADMIN", "DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER", "SUPERVISOR"];
/** 地方增选: the region's data-entry staff and publisher, not the reviewer. */
const LOCAL_INDICATOR_EDITORS: Role[] = ["DATA_ENTRY", "PUBLISHER"];
/** Published publications: the region's staff, the addressed hospitals and the province's supervisors. */
const PUBLICATION_READERS: Role[] = [...REGION_STAFF, "SUPERVISOR", "HOSPITAL_VIEWER"];

/** An allowed reader asking for a period without accepted data is answered "no data yet", not refused. */
const noDataYet = (e: { code?: string; message?: string }) => {
  if (e.code === "NOT_FOUND" && e.message?.includes("尚无审核通过的数据")) return null;
  throw e;
};

let seq = 0;
const next = () => String(++seq).padStart(2, "0");

/** deniedCode: what a refused caller gets (FORBIDDEN, or NOT_FOUND where existence must not be revealed). */
type Case = { allowed: readonly Role[]; run: (s: Session, w: World) => Promise<unknown>; deniedCode?: "NOT_FOUND" };
const csv = (w: World) =>
  Buffer.from(`机构编码,机构名称,统筹区编码,医院等级,机构类别\nH3401000090${seq % 10},矩阵医院${next()},340100,二级,综合\n`);

const catalogueCsv = () =>
  Buffer.from(
    `指标编码,类别,指标名称,单位,频次,险种,层级,数值类型,标签\nMX01,矩阵类,矩阵指标${next()},人,月,合计,统筹区,期末值（存量）,国家底稿必选\n`,
  );

const MATRIX: Record<string, Case> = {
  listProvinces: { allowed: SYS, run: (s) => listProvinces(s) },
  listRegions: { allowed: SYS, run: (s) => listRegions(s) },
  saveRegion: {
    allowed: SYS,
    run: (s, w) => saveRegion(s, { code: `3405${next()}`, name: "矩阵市", level: "CITY", provinceId: w.province.id }),
  },
  listInstitutions: { allowed: SYS, run: (s) => listInstitutions(s) },
  saveInstitution: {
    allowed: SYS,
    run: (s, w) =>
      saveInstitution(s, { code: `H340100001${next()}`, name: "矩阵医院", regionId: w.regionA.id, level: "LEVEL_2", type: "GENERAL" }),
  },
  importInstitutions: { allowed: SYS, run: (s, w) => importInstitutions(s, { fileName: "i.csv", bytes: csv(w) }) },
  institutionImportTemplate: { allowed: SYS, run: (s) => institutionImportTemplate(s) },
  listUsers: { allowed: SYS, run: (s) => listUsers(s) },
  createUser: {
    allowed: SYS,
    run: (s, w) =>
      createUser(s, {
        username: `m_${next()}`,
        displayName: "矩阵",
        roles: ["DATA_ENTRY"],
        regionId: w.regionA.id,
        password: "Matrix#2026x",
      }),
  },
  updateUser: {
    allowed: SYS,
    run: async (s, w) =>
      updateUser(s, { id: (await target(w)).userId, displayName: "改名", roles: ["DATA_ENTRY"], regionId: w.regionA.id }),
  },
  setUserStatus: { allowed: SYS, run: async (s, w) => setUserStatus(s, { id: (await target(w)).userId, status: "DISABLED" }) },
  resetUserPassword: {
    allowed: SYS,
    run: async (s, w) => resetUserPassword(s, { id: (await target(w)).userId, password: "Reset#2026xy" }),
  },
  getAdminOverview: { allowed: SYS, run: (s) => getAdminOverview(s) },
  listAccounts: { allowed: ["SECURITY_ADMIN"], run: (s) => listAccounts(s) },
  unlockAccount: { allowed: ["SECURITY_ADMIN"], run: async (s, w) => unlockAccount(s, { id: (await target(w)).userId }) },
  terminateSessions: { allowed: ["SECURITY_ADMIN"], run: async (s, w) => terminateSessions(s, { id: (await target(w)).userId }) },
  resetMfa: { allowed: ["SECURITY_ADMIN"], run: async (s, w) => resetMfa(s, { id: (await target(w)).userId }) },
  // Every user manages their own sign-in: these work even while MFA enrolment is pending (no permission needed).
  signOutEverywhere: { allowed: ALL, run: (s) => signOutEverywhere(s) },
  getMfaStatus: { allowed: ALL, run: (s) => getMfaStatus(s) },
  beginMfaEnrolment: { allowed: ALL, run: async (s) => beginMfaEnrolment(await withoutMfa(s)) },
  confirmMfaEnrolment: {
    allowed: ALL,
    run: async (s) => {
      const { secret } = await beginMfaEnrolment(await withoutMfa(s));
      return confirmMfaEnrolment(s, { code: await totpCode(secret) });
    },
  },
  listAuditEvents: { allowed: ["AUDIT_ADMIN"], run: (s) => listAuditEvents(s) },
  verifyAuditChain: { allowed: ["AUDIT_ADMIN"], run: (s) => verifyAuditChain(s) },
  exportAuditEvents: { allowed: ["AUDIT_ADMIN"], run: (s) => exportAuditEvents(s, { format: "csv" }) },
  // On PostgreSQL the allowed admin is told to use pg_dump (INVALID), which is not a refusal.
  downloadBackup: {
    allowed: SYS,
    run: (s) => downloadBackup(s).catch((e) => (TEST_DB_KIND === "postgres" && e?.code === "INVALID" ? null : Promise.reject(e))),
  },
  getRegionWorkbench: { allowed: REGION_STAFF, run: (s) => getRegionWorkbench(s) },
  getProvinceOverview: { allowed: ["SUPERVISOR"], run: (s) => getProvinceOverview(s) },
  getOwnInstitution: { allowed: ["HOSPITAL_VIEWER"], run: (s) => getOwnInstitution(s) },
  describeScope: { allowed: ALL, run: (s) => describeScope(s) },
  listCatalogueVersions: { allowed: CATALOGUE_READERS, run: (s) => listCatalogueVersions(s) },
  getCatalogueVersion: { allowed: CATALOGUE_READERS, run: (s) => getCatalogueVersion(s, "NHSA-2025-03-V2") },
  exportCatalogueVersion: { allowed: SYS, run: (s) => exportCatalogueVersion(s, { code: "NHSA-2025-03-V2", format: "csv" }) },
  importCatalogueVersion: {
    allowed: SYS,
    run: (s) => importCatalogueVersion(s, { code: `MATRIX-${next()}`, name: "矩阵目录", fileName: "c.csv", bytes: catalogueCsv() }),
  },
  saveLocalIndicator: {
    allowed: LOCAL_INDICATOR_EDITORS,
    run: (s) =>
      saveLocalIndicator(s, {
        code: `MX${next()}`,
        category: "地方指标",
        nameZh: "矩阵地方指标",
        unit: "人次",
        frequency: "MONTHLY",
        schemes: ["TOTAL"],
        scope: "REGION",
        basis: "FLOW",
      }),
  },
  changePassword: {
    allowed: ALL,
    run: (s) => changePassword(s, { current: TEST_PASSWORD, next: "Changed#2026x", confirm: "Changed#2026x" }),
  },
  uploadSheet: { allowed: ["DATA_ENTRY"], run: async (s) => uploadSheet(s, { source: await sheetFile("2025-02"), dryRun: true }) },
  reviewSheet: {
    allowed: ["DATA_REVIEWER"],
    run: async (s) => reviewSheet(s, { versionId: await freshVersion(), decision: "REJECT", comment: "矩阵退回" }),
  },
  listSheets: { allowed: REGION_STAFF, run: (s) => listSheets(s) },
  getSheetVersion: { allowed: REGION_STAFF, run: (s) => getSheetVersion(s, versions[0]) },
  diffSheetVersions: { allowed: REGION_STAFF, run: (s) => diffSheetVersions(s, { fromId: versions[0], toId: versions[1] }) },
  downloadSheetOriginal: { allowed: REGION_STAFF, run: (s) => downloadSheetOriginal(s, versions[0]) },
  downloadSheetReport: { allowed: REGION_STAFF, run: (s) => downloadSheetReport(s, versions[0]) },
  downloadSheetTemplate: { allowed: ["DATA_ENTRY"], run: (s) => downloadSheetTemplate(s, { period: "2025-02" }) },
  createApiToken: { allowed: ["DATA_ENTRY"], run: (s) => createApiToken(s, { name: "矩阵令牌" }) },
  listApiTokens: { allowed: ["DATA_ENTRY"], run: (s) => listApiTokens(s) },
  getRegionMetrics: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getRegionMetrics(s, { regionCode: "340100", period: "2025-01" }),
  },
  getRegionMetricsForPeriod: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getRegionMetricsForPeriod(s, { regionCode: "340100", period: "2025-01" }),
  },
  // Only January is accepted: the quarter has no data yet, which an allowed reader is told as such.
  getRegionQuarterMetrics: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getRegionQuarterMetrics(s, { regionCode: "340100", period: "2025Q1" }).catch(noDataYet),
  },
  getMetricLineage: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getMetricLineage(s, { period: "2025-01", indicator: "FI05", scheme: "TOTAL", regionCode: "340100" }),
  },
  // 指标分析 (/metrics): the region's staff and the province's supervisor read; anyone else is told "not found".
  getMetricsTable: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getMetricsTable(s, { regionCode: "340100", mode: "quarter" }),
  },
  // Institutions compared by name, unpublished: the region's staff only; supervisors read them as published (issue 16, finding 4).
  getInstitutionComparison: {
    allowed: REGION_STAFF,
    deniedCode: "NOT_FOUND",
    run: (s) => getInstitutionComparison(s, { regionCode: "340100" }),
  },
  getMetricTrend: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getMetricTrend(s, { regionCode: "340100", period: "2025-01", indicator: "FI03", scheme: "EMPLOYEE" }),
  },
  getNarrative: {
    allowed: [...REGION_STAFF, "SUPERVISOR"],
    deniedCode: "NOT_FOUND",
    run: (s) => getNarrative(s, { regionCode: "340100", period: "2025-03" }),
  },
  // 智能解读 is the data group's working text: any of its roles saves it; supervisors read it only.
  saveNarrative: {
    allowed: REGION_STAFF,
    run: async (s) => {
      const baseVersion = (await prismaRef().narrativeDraft.findFirst({ where: { period: "2025-03" } }))?.version ?? 0;
      return saveNarrative(s, { period: "2025-03", text: `矩阵解读 ${next()}`, baseVersion });
    },
  },
  revokeApiToken: {
    allowed: ["DATA_ENTRY"],
    run: async (s) => revokeApiToken(s, { id: (await createApiToken(uploader, { name: "待撤销" })).id }),
  },
  // Publications: staff of the region, the addressed hospital (hospital A1) and the province's supervisor read the
  // published January push; the workflow steps belong to one role each (maker-checker).
  listPublications: { allowed: PUBLICATION_READERS, run: (s) => listPublications(s) },
  getPublication: { allowed: PUBLICATION_READERS, run: (s) => getPublication(s, { id: published.id }) },
  exportPublication: { allowed: PUBLICATION_READERS, run: (s) => exportPublication(s, { id: published.id }) },
  getPublicationEditor: { allowed: REGION_STAFF, run: (s) => getPublicationEditor(s, { versionId: published.versionId }) },
  getPublicationReceipts: { allowed: REGION_STAFF, run: (s) => getPublicationReceipts(s, { versionId: published.versionId }) },
  getPublicationsDue: { allowed: REGION_STAFF, run: (s) => getPublicationsDue(s) },
  createTopicalPublication: {
    allowed: ["DATA_ENTRY"],
    run: (s) => createTopicalPublication(s, { title: `矩阵专题${next()}`, start: "2025-01", end: "2025-01" }),
  },
  updatePublicationDraft: {
    allowed: ["DATA_ENTRY"],
    run: async (s) => updatePublicationDraft(s, { versionId: await topical("DRAFT"), peerMode: "NAMED" }),
  },
  submitPublication: { allowed: ["DATA_ENTRY"], run: async (s) => submitPublication(s, { versionId: await topical("DRAFT") }) },
  reviewPublication: {
    allowed: ["DATA_REVIEWER"],
    run: async (s) => reviewPublication(s, { versionId: await topical("IN_REVIEW"), decision: "APPROVE" }),
  },
  publishPublication: { allowed: ["PUBLISHER"], run: async (s) => publishPublication(s, { versionId: await topical("APPROVED") }) },
  correctPublication: {
    allowed: ["DATA_ENTRY"],
    run: async (s) => correctPublication(s, { versionId: await topical("PUBLISHED"), reason: "矩阵更正" }),
  },
  withdrawPublication: {
    allowed: ["PUBLISHER"],
    run: async (s) => withdrawPublication(s, { versionId: await topical("PUBLISHED"), reason: "矩阵撤回" }),
  },
  remindUnread: { allowed: ["DATA_ENTRY", "PUBLISHER"], run: (s) => remindUnread(s, { versionId: published.versionId }) },
  acknowledgePublication: { allowed: ["HOSPITAL_VIEWER"], run: (s) => acknowledgePublication(s, { id: published.id }) },
  // Everyone reads and clears their own notifications only.
  listNotifications: { allowed: ALL, run: (s) => listNotifications(s) },
  markNotificationsRead: { allowed: ALL, run: (s) => markNotificationsRead(s, {}) },
};
/** Region A's January push, published in beforeAll; topical drafts advanced to a stage by fixed staff. */
const published = { id: "", versionId: "" };
const staff: Record<"entry" | "reviewer" | "publisher", Session> = {} as never;
async function topical(stage: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED"): Promise<string> {
  const { versionId } = await createTopicalPublication(staff.entry, { title: `矩阵专题${next()}`, start: "2025-01", end: "2025-01" });
  if (stage === "DRAFT") return versionId;
  await submitPublication(staff.entry, { versionId });
  if (stage === "IN_REVIEW") return versionId;
  await reviewPublication(staff.reviewer, { versionId, decision: "APPROVE" });
  if (stage === "APPROVED") return versionId;
  await publishPublication(staff.publisher, { versionId });
  return versionId;
}

/** Region A's sheets, uploaded in beforeAll by `uploader`: a complete month and a variant of it. */
let uploader: Session;
let regionCatalogue: Awaited<ReturnType<typeof loadRegionCatalogue>>["indicators"] = [];
const versions: string[] = [];
let variant = 0;
/** Other rows of the matrix add institutions to region A, so a complete sheet lists the current ones. */
const sheetFile = async (period: string, over: Record<string, string> = {}) => {
  const institutions = await prismaRef().institution.findMany({
    where: { region: { code: "340100" }, active: true },
    select: { code: true },
  });
  const rows = completeSheetRows(
    regionCatalogue,
    "340100",
    period,
    institutions.map((i) => i.code),
    over,
  );
  const text = ["region_code,period,indicator_code,scheme,institution_code,value", ...rows.map((r) => r.join(","))].join("\n");
  return { kind: "file" as const, fileName: `${period}.csv`, bytes: Buffer.from(text) };
};
/** A new VALIDATED version by `uploader`, for a reviewer to decide on. */
async function freshVersion(): Promise<string> {
  const r = await uploadSheet(uploader, { source: await sheetFile("2025-01", { "FE01|EMPLOYEE|": String(90 - ++variant / 10) }) });
  if (!r.ok || r.dryRun || r.unchanged) throw new Error("fixture upload failed: " + JSON.stringify(r).slice(0, 600));
  return r.versionId;
}

let prismaRef: ReturnType<typeof useTestDatabase>;
/** The fixture users have MFA; enrolment cases start from a user without it. */
const withoutMfa = async (s: Session) => {
  await prismaRef().user.update({ where: { id: s.userId }, data: { mfaSecret: null, mfaEnabledAt: null } });
  return s;
};
/** A fresh DATA_ENTRY user for the user-management cases to act on. */
const target = (w: World) => createUserSession(prismaRef(), ["DATA_ENTRY"], { regionId: w.regionA.id });

describe("permission matrix: every role × every use case", () => {
  const prisma = useTestDatabase();
  prismaRef = prisma;
  let w: World;
  beforeAll(async () => {
    w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    regionCatalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    uploader = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    versions.push(await freshVersion(), await freshVersion());
    // An accepted January, so that the metrics use cases have something to read.
    const acceptor = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    await reviewSheet(acceptor, { versionId: versions[1], decision: "ACCEPT" });
    staff.entry = uploader;
    staff.reviewer = acceptor;
    staff.publisher = await createUserSession(prisma(), ["PUBLISHER"], { regionId: w.regionA.id });
    const push = await prisma().publicationVersion.findFirstOrThrow({
      where: { publication: { kind: "MONTHLY_PUSH", periodEnd: "2025-01" } },
    });
    Object.assign(published, { id: push.publicationId, versionId: push.id });
    await submitPublication(staff.entry, { versionId: push.id });
    await reviewPublication(staff.reviewer, { versionId: push.id, decision: "APPROVE" });
    await publishPublication(staff.publisher, { versionId: push.id });
  });

  for (const [name, c] of Object.entries(MATRIX))
    for (const role of ROLES)
      it(`${role} ${c.allowed.includes(role) ? "may" : "may not"} ${name}`, async () => {
        const session = await createUserSession(prisma(), [role], scopeFor(role, w));
        if (c.allowed.includes(role)) {
          await c.run(session, w); // throws, and so fails, if refused
          if (guarded.has(session.userId)) reached.add(name);
        } else {
          await expect(c.run(session, w)).rejects.toMatchObject({ code: c.deniedCode ?? "FORBIDDEN" });
          const denied = await prisma().auditEvent.count({ where: { actorId: session.userId, result: "DENIED" } });
          expect(denied).toBeGreaterThan(0);
        }
      });

  for (const [name, c] of Object.entries(MATRIX))
    if (!SELF_SERVICE.has(name))
      it(`a session with a pending step may not ${name} (${c.allowed[0]})`, async () => {
        for (const pending of PENDING_STEPS) {
          const session = { ...(await createUserSession(prisma(), [c.allowed[0]!], scopeFor(c.allowed[0]!, w))), pending };
          await expect(c.run(session, w), pending).rejects.toMatchObject({ code: "FORBIDDEN" });
          const denied = await prisma().auditEvent.findFirst({
            where: { actorId: session.userId, result: "DENIED" },
            select: { detail: true },
          });
          expect(denied?.detail, pending).toMatchObject({ pending });
        }
      });

  it("every use case but the self-service ones reaches requirePermission", () => {
    const expected = Object.keys(MATRIX).filter((n) => !SELF_SERVICE.has(n));
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it("a user with a role but no scope sees nothing", async () => {
    for (const [role, run] of [
      ["DATA_ENTRY", getRegionWorkbench],
      ["SUPERVISOR", getProvinceOverview],
      ["HOSPITAL_VIEWER", getOwnInstitution],
    ] as const) {
      const session = await createUserSession(prisma(), [role]);
      await expect(run(session)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("[SUPERVISOR] reads region-level metrics of accepted months, institutions only as published (issue 16, finding 4)", async () => {
    const supervisor = await createUserSession(prisma(), ["SUPERVISOR"], scopeFor("SUPERVISOR", w));
    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], scopeFor("DATA_ENTRY", w));
    const staffView = await getRegionMetrics(entry, { regionCode: "340100", period: "2025-01" });
    expect(staffView.values.some((v) => v.institution !== null)).toBe(true);
    const supervisorView = await getRegionMetrics(supervisor, { regionCode: "340100", period: "2025-01" });
    expect(supervisorView.values.length).toBeGreaterThan(0);
    expect(supervisorView.values.filter((v) => v.institution !== null)).toEqual([]);
    expect(supervisorView.values).toEqual(staffView.values.filter((v) => v.institution === null));
    const institution = staffView.values.find((v) => v.institution !== null)!;
    const lineage = {
      period: "2025-01",
      indicator: institution.indicator,
      scheme: institution.scheme,
      institution: institution.institution,
      regionCode: "340100",
    };
    await expect(getMetricLineage(entry, lineage)).resolves.toBeTruthy();
    await expect(getMetricLineage(supervisor, lineage)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getInstitutionComparison(supervisor, { regionCode: "340100" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMetricsTable(supervisor, { regionCode: "340100" })).canReadInstitutions).toBe(false);
    expect((await getMetricsTable(entry, { regionCode: "340100" })).canReadInstitutions).toBe(true);
    const denied = await prisma().auditEvent.count({
      where: { actorId: supervisor.userId, result: "DENIED", objectType: { in: ["metrics.lineage", "metrics.institutions"] } },
    });
    expect(denied).toBe(2);
  });

  it("a region's staff see their own region only, a hospital user its own institution only", async () => {
    const entryB = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionB.id });
    const bench = await getRegionWorkbench(entryB);
    expect(bench.region.code).toBe("340200");
    expect(bench.institutions.map((i) => i.code)).toEqual(["H34020000001"]);
    const hospitalA2 = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA2.id });
    expect((await getOwnInstitution(hospitalA2)).code).toBe("H34010000002");
  });

  it("covers every use case in app/_server (completeness)", () => {
    const helpers = new Set([
      "requirePermission",
      "recordDenial",
      "refuseSelfChange",
      "requireReader",
      "findVisibleVersion",
      "denied",
      "targetUser",
    ]);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== "generated") walk(p);
        } else if (p.endsWith(".ts"))
          for (const m of fs.readFileSync(p, "utf8").matchAll(/export async function (\w+)\(\s*session: Session/g))
            if (!helpers.has(m[1])) found.push(m[1]);
      }
    };
    walk("app/_server");
    expect(found.sort()).toEqual(Object.keys(MATRIX).sort());
  });
});
