import { beforeAll, describe, expect, it, vi } from "vitest";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { warningKey } from "@/app/_domain/sheets/warning-key";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { acknowledgePublication } from "@/app/_server/publications/acknowledge-publication";
import { correctPublication } from "@/app/_server/publications/correct-publication";
import { exportPublication } from "@/app/_server/publications/export-publication";
import { getPublication } from "@/app/_server/publications/get-publication";
import { getPublicationReceipts } from "@/app/_server/publications/get-publication-receipts";
import { getPublicationsDue } from "@/app/_server/publications/get-publications-due";
import { listNotifications } from "@/app/_server/publications/list-notifications";
import { listPublications } from "@/app/_server/publications/list-publications";
import { requireReader, visibleVersions, visibleVersionsSql } from "@/app/_server/publications/publication-access";
import { publishPublication } from "@/app/_server/publications/publish-publication";
import { remindUnread } from "@/app/_server/publications/remind-unread";
import { reviewPublication } from "@/app/_server/publications/review-publication";
import { submitPublication } from "@/app/_server/publications/submit-publication";
import { updatePublicationDraft } from "@/app/_server/publications/update-publication-draft";
import { withdrawPublication } from "@/app/_server/publications/withdraw-publication";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import { conforming } from "../helpers/api-contract";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

// The API routes read the session from next-auth's cookie; here the session is injected instead.
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));
// Every answer is also checked against the OpenAPI description (test/helpers/api-contract.ts).
const getOne = conforming((await import("@/app/api/v1/publications/[id]/route")).GET);
const getList = conforming((await import("@/app/api/v1/publications/route")).GET);

/** The API body as bytes, for a caller. */
async function api(session: Session, id?: string, query = "") {
  getSession.mockResolvedValue(session);
  const url = `http://localhost/api/v1/publications${id ? `/${id}` : ""}${query}`;
  const res = id ? await getOne(new Request(url), { params: Promise.resolve({ id }) }) : await getList(new Request(url));
  return { status: res.status, body: await res.text() };
}

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";
const INSTITUTIONS = ["H34010000001", "H34010000002", "H34010000003", "H34010000004", "H34010000005"];

/**
 * Publications end to end on the server: drafts from accepted months, the maker-checker workflow, concurrent
 * publishing, what each reader may see (404 with no data otherwise), immutability of a published snapshot,
 * small-cell suppression in the view and the export, corrections, receipts and reminders.
 */
describe("publications", () => {
  const prisma = useTestDatabase();
  let w: World;
  let catalogue: IndicatorDef[];
  let entry: Session,
    reviewer: Session,
    publisher: Session,
    hospitalA1: Session,
    hospitalA1b: Session,
    hospitalA2: Session,
    hospitalB1: Session,
    supervisor: Session,
    otherSupervisor: Session;
  let quarterly: { id: string; versionId: string };

  async function acceptMonth(period: string, over: Record<string, string> = {}) {
    const rows = completeSheetRows(catalogue, "340100", period, INSTITUTIONS, over);
    const bytes = Buffer.from([HEADER, ...rows.map((r) => r.join(","))].join("\n"));
    const source = { kind: "file" as const, fileName: `${period}.csv`, bytes };
    let up = await uploadSheet(entry, { source });
    if (!up.ok && up.stage === "warnings")
      up = await uploadSheet(entry, {
        source,
        explanations: Object.fromEntries(up.report.warnings.map((x) => [warningKey(x), "测试说明"])),
      });
    if (!up.ok || up.dryRun || up.unchanged) throw new Error("upload failed: " + JSON.stringify(up).slice(0, 500));
    await reviewSheet(reviewer, { versionId: up.versionId, decision: "ACCEPT" });
  }
  // Hospital 1 discharges 1 patient a month: a small count, suppressed everywhere a hospital looks.
  const small = (month: number) => ({ "IN02|TOTAL|H34010000001": String(month) });

  async function publish(versionId: string) {
    await submitPublication(entry, { versionId });
    await reviewPublication(reviewer, { versionId, decision: "APPROVE" });
    return publishPublication(publisher, { versionId });
  }
  const draftOf = async (kind: "MONTHLY_PUSH" | "QUARTERLY_RELEASE", period: string) => {
    const p = await prisma().publication.findFirstOrThrow({ where: { kind, periodEnd: period }, include: { versions: true } });
    return { id: p.id, versionId: p.versions[0]!.id, narrative: p.versions[0]!.narrative };
  };

  beforeAll(async () => {
    w = await createWorld(prisma());
    for (const code of INSTITUTIONS.slice(2))
      await prisma().institution.create({
        data: { code, name: `合肥${code.slice(-1)}号医院`, regionId: w.regionA.id, level: "LEVEL_3", type: "GENERAL" },
      });
    await ensureBuiltInCatalogues(prisma());
    catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    publisher = await createUserSession(prisma(), ["PUBLISHER"], { regionId: w.regionA.id });
    hospitalA1 = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    hospitalA1b = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    hospitalA2 = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA2.id });
    hospitalB1 = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalB1.id });
    supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    otherSupervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.otherProvince.id });
    for (const m of [1, 2, 3]) await acceptMonth(`2025-0${m}`, small(m));
    quarterly = await draftOf("QUARTERLY_RELEASE", "2025-03");
  }, 300_000);

  it("accepting a month creates its monthly push draft, and the quarter's last month the quarterly release with 智能解读 prefilled", async () => {
    const pubs = await prisma().publication.findMany({
      orderBy: [{ kind: "asc" }, { periodEnd: "asc" }],
      select: { kind: true, periodEnd: true },
    });
    expect(pubs).toEqual([
      { kind: "MONTHLY_PUSH", periodEnd: "2025-01" },
      { kind: "MONTHLY_PUSH", periodEnd: "2025-02" },
      { kind: "MONTHLY_PUSH", periodEnd: "2025-03" },
      { kind: "QUARTERLY_RELEASE", periodEnd: "2025-03" },
    ]);
    expect((await draftOf("QUARTERLY_RELEASE", "2025-03")).narrative).toContain("2025年第一季度");
    const due = await getPublicationsDue(entry, new Date("2025-04-10T02:00:00Z"));
    expect(due.sheet).toMatchObject({ period: "2025-03", status: "ACCEPTED" });
    expect(due.drafts.map((d) => d.title)).toContain("合肥市医保数据季度发布（2025年第一季度）");
  });

  it("a draft is edited, reviewed by someone other than its author, and of ten concurrent publish requests exactly one succeeds", async () => {
    const { versionId } = quarterly;
    await updatePublicationDraft(entry, { versionId, peerMode: "ANONYMISED", narrative: '=HYPERLINK("http://x") 本季基金运行平稳。' });
    await expect(
      updatePublicationDraft(entry, { versionId, audience: { kind: "LIST", institutionCodes: ["H34020000001"] } }),
    ).rejects.toThrow("不属于本统筹区");
    // A hospital or another region's staff cannot even learn that the draft exists.
    await expect(getPublication(hospitalA1, { id: quarterly.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await submitPublication(entry, { versionId });
    const both = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    await prisma().publicationVersion.update({ where: { id: versionId }, data: { authorId: both.userId } });
    await expect(reviewPublication(both, { versionId, decision: "APPROVE" })).rejects.toThrow("不能审核自己");
    await expect(publishPublication(publisher, { versionId })).rejects.toMatchObject({ code: "CONFLICT" });
    await reviewPublication(reviewer, { versionId, decision: "APPROVE" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => publishPublication(publisher, { versionId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(9).fill("CONFLICT"),
    );
    const v = await prisma().publicationVersion.findUniqueOrThrow({ where: { id: versionId }, include: { parts: true } });
    expect(v.status).toBe("PUBLISHED");
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.parts).toHaveLength(5);
    expect(v.sheetVersionIds).toHaveLength(3);
    expect(await prisma().auditEvent.count({ where: { action: "publication.publish", result: "SUCCESS" } })).toBe(1);
  }, 120_000);

  it("a hospital sees the region part and only its own section; another region, drafts and other hospitals' sections are 404 with no data", async () => {
    const inbox = await listPublications(hospitalA1);
    expect(inbox.map((i) => i.id)).toEqual([quarterly.id]);
    expect(inbox[0]!.receipt).toEqual({ openedAt: null, acknowledgedAt: null });
    const view = await getPublication(hospitalA1, { id: quarterly.id, institutionCode: "H34010000002" });
    expect(view.institution?.code).toBe("H34010000001");
    // The first opening is the receipt (audited once); later openings keep its time.
    expect(view.receipt).toEqual({ openedAt: expect.any(String), acknowledgedAt: null });
    expect((await getPublication(hospitalA1, { id: quarterly.id })).receipt).toEqual(view.receipt);
    expect(await prisma().auditEvent.count({ where: { action: "publication.open", actorId: hospitalA1.userId } })).toBe(1);
    const body = JSON.stringify(view);
    for (const other of ["合肥乙医院", "H34010000002", "合肥3号医院", "H34010000003"]) expect(body).not.toContain(other);
    const own = view.sections.find((s) => s.scope === "OWN")!.panels.find((p) => p.kind === "OWN_INDICATORS")!.data!;
    if (own.kind !== "OWN_INDICATORS") throw new Error();
    expect(own.peers.map((p) => p.label)).toEqual(["合肥甲医院", "同级机构 A", "同级机构 B", "同级机构 C", "同级机构 D"]);
    const in05 = own.rows.find((r) => r.indicator.code === "IN05")!;
    expect(in05.inLevel.count).toBe(5);
    expect(in05.level.median).not.toBeNull();
    await expect(getPublication(hospitalB1, { id: quarterly.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublication(otherSupervisor, { id: quarterly.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const monthly = await draftOf("MONTHLY_PUSH", "2025-03");
    await expect(getPublication(hospitalA1, { id: monthly.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPublications(hospitalB1)).resolves.toEqual([]);
    // The API: the same rules, and a refusal carries no data.
    expect(JSON.parse((await api(hospitalA1)).body).publications.map((p: { id: string }) => p.id)).toEqual([quarterly.id]);
    for (const [who, id] of [
      [hospitalB1, quarterly.id],
      [hospitalA1, monthly.id],
      [hospitalA1, "no-such-id"],
    ] as const) {
      const res = await api(who, id, "?institution=H34010000002");
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ error: "发布不存在或您无权查看。" });
    }
    getSession.mockResolvedValue(null);
    expect((await getList(new Request("http://localhost/api/v1/publications"))).status).toBe(401);
    // A supervisor of the province reads the published release (the region part).
    expect((await getPublication(supervisor, { id: quarterly.id })).institution).toBeNull();
    // Anonymised letters differ between recipients.
    const other = await getPublication(hospitalA2, { id: quarterly.id });
    expect(other.institution?.code).toBe("H34010000002");
  });

  it("small counts are suppressed in the hospital's view, in peers' views and in the export; formulas are neutralised", async () => {
    const view = await getPublication(hospitalA1, { id: quarterly.id });
    const own = view.sections.flatMap((s) => s.panels).find((p) => p.kind === "OWN_INDICATORS")!.data!;
    if (own.kind !== "OWN_INDICATORS") throw new Error();
    const in02 = own.rows.find((r) => r.indicator.code === "IN02")!;
    expect(in02.value).toEqual({ suppressed: "<5" });
    expect(in02.figure.ytd).toEqual({ suppressed: "<5" });
    const seenByA2 = await getPublication(hospitalA2, { id: quarterly.id });
    const peers = seenByA2.sections.flatMap((s) => s.panels).find((p) => p.kind === "OWN_INDICATORS")!.data!;
    if (peers.kind !== "OWN_INDICATORS") throw new Error();
    expect(peers.peers.filter((p) => !p.own).map((p) => p.values["IN02:TOTAL"])).toContainEqual({ suppressed: "<5" });
    const file = await exportPublication(hospitalA1, { id: quarterly.id });
    const cells = file.rows.flat();
    const in02Row = file.rows.find((r) => r[2] === "合肥甲医院" && r[3] === "出院人次")!;
    expect(in02Row[5]).toBe("<5");
    expect(cells.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
    expect(cells.join("|")).not.toContain("合肥乙医院");
  });

  it("a published snapshot never changes: a new version of the month accepted and recomputed leaves the body byte-identical", async () => {
    const before = JSON.stringify(await getPublication(hospitalA1, { id: quarterly.id }));
    const apiBefore = await api(hospitalA1, quarterly.id);
    expect(apiBefore.status).toBe(200);
    const staffBefore = JSON.stringify(await getPublication(entry, { id: quarterly.id, institutionCode: "H34010000003" }));
    await acceptMonth("2025-03", { ...small(3), "FI03|EMPLOYEE|": "999", "IN03|TOTAL|H34010000001": "5000" });
    const stored = await prisma().metricSet.findFirstOrThrow({ where: { period: "2025-03", indicatorCode: "FI03", scheme: "EMPLOYEE" } });
    expect(stored.ytd).toBe("999");
    expect(JSON.stringify(await getPublication(hospitalA1, { id: quarterly.id }))).toBe(before);
    expect(await api(hospitalA1, quarterly.id)).toEqual(apiBefore);
    expect(JSON.stringify(await getPublication(entry, { id: quarterly.id, institutionCode: "H34010000003" }))).toBe(staffBefore);
  }, 120_000);

  it("receipts count any user of an institution; 提醒未读 notifies only those who have not acknowledged", async () => {
    // Opened and acknowledged from two tabs at once (on PostgreSQL, concurrent transactions): one receipt, one
    // time, one audit row each.
    const opened = await Promise.all(Array.from({ length: 5 }, () => getPublication(hospitalA1b, { id: quarterly.id })));
    expect(new Set(opened.map((v) => v.receipt?.openedAt)).size).toBe(1);
    const acks = await Promise.all(Array.from({ length: 5 }, () => acknowledgePublication(hospitalA1b, { id: quarterly.id })));
    expect(new Set(acks.map((a) => a.acknowledgedAt)).size).toBe(1);
    for (const action of ["publication.open", "publication.acknowledge"])
      expect(await prisma().auditEvent.count({ where: { action, actorId: hospitalA1b.userId } })).toBe(1);
    expect(await prisma().publicationReceipt.count({ where: { userId: hospitalA1b.userId } })).toBe(1);
    const receipts = await getPublicationReceipts(entry, { versionId: quarterly.versionId });
    expect(receipts).toMatchObject({ audience: 5, opened: 2, acknowledged: 1 });
    expect(receipts.institutions.at(-1)).toMatchObject({
      code: "H34010000001",
      users: expect.arrayContaining([expect.objectContaining({ acknowledgedAt: expect.any(String) })]),
    });
    await expect(getPublicationReceipts(hospitalA1, { versionId: quarterly.versionId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await remindUnread(publisher, { versionId: quarterly.versionId })).toEqual({ reminded: 4 });
    expect((await listNotifications(hospitalA2)).map((n) => n.kind)).toEqual(["REMINDER", "PUBLISHED"]);
    expect((await listNotifications(hospitalA1)).map((n) => n.kind)).toEqual(["PUBLISHED"]);
  });

  it("a correction is version 2 with a reason; the old version reads 已更正 and links to it; recipients are told", async () => {
    await expect(correctPublication(entry, { versionId: quarterly.versionId, reason: "" })).rejects.toThrow("请写明更正原因");
    const v2 = await correctPublication(entry, { versionId: quarterly.versionId, reason: "3月数据更正后重新发布" });
    expect(v2.version).toBe(2);
    await publish(v2.versionId);
    const latest = await getPublication(hospitalA1, { id: quarterly.id });
    expect(latest).toMatchObject({ version: 2, status: "PUBLISHED", corrects: { version: 1, reason: "3月数据更正后重新发布" } });
    const old = await getPublication(hospitalA1, { id: quarterly.id, version: 1 });
    expect(old).toMatchObject({ status: "CORRECTED", correctedBy: { versionId: v2.versionId, version: 2 } });
    expect((await listNotifications(hospitalA1))[0]).toMatchObject({ kind: "CORRECTED", href: `/inbox/${quarterly.id}` });
    expect(latest.contentHash).not.toBe(old.contentHash);
  }, 120_000);

  it("embargoed and withdrawn publications are invisible to recipients", async () => {
    const monthly = await draftOf("MONTHLY_PUSH", "2025-02");
    await updatePublicationDraft(entry, { versionId: monthly.versionId, embargoUntil: new Date(Date.now() + 86_400_000).toISOString() });
    await publish(monthly.versionId);
    await expect(getPublication(hospitalA1, { id: monthly.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listPublications(hospitalA1)).map((i) => i.id)).not.toContain(monthly.id);
    expect((await listPublications(entry)).find((i) => i.id === monthly.id)?.embargoUntil).not.toBeNull();
    const jan = await draftOf("MONTHLY_PUSH", "2025-01");
    await publish(jan.versionId);
    expect((await getPublication(hospitalA1, { id: jan.id })).kind).toBe("MONTHLY_PUSH");
    await expect(withdrawPublication(publisher, { versionId: jan.versionId, reason: "x" })).rejects.toThrow("请写明撤回原因");
    await withdrawPublication(publisher, { versionId: jan.versionId, reason: "口径有误，撤回" });
    await expect(getPublication(hospitalA1, { id: jan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportPublication(hospitalA1, { id: jan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 120_000);

  it("the list's SQL rule selects exactly the versions visibleVersions selects, for every reader", async () => {
    // By now there are drafts, published, corrected, embargoed and withdrawn versions in two regions.
    const statuses = new Set((await prisma().publicationVersion.findMany({ select: { status: true } })).map((v) => v.status));
    for (const status of ["DRAFT", "PUBLISHED", "CORRECTED", "WITHDRAWN"]) expect(statuses).toContain(status);
    expect(await prisma().publicationVersion.count({ where: { embargoUntil: { gt: new Date() } } })).toBeGreaterThan(0);
    const now = new Date();
    for (const session of [entry, hospitalA1, hospitalA2, hospitalB1, supervisor, otherSupervisor]) {
      const reader = await requireReader(session);
      const byPrisma = await prisma().publicationVersion.findMany({ where: visibleVersions(reader, now), select: { id: true } });
      const bySql = await prisma().$queryRaw<{ id: string }[]>`
        SELECT v.id FROM "PublicationVersion" v JOIN "Publication" p ON p.id = v."publicationId" JOIN "Region" r ON r.id = p."regionId"
         WHERE ${visibleVersionsSql(reader, now)}`;
      expect(bySql.map((v) => v.id).sort()).toEqual(byPrisma.map((v) => v.id).sort());
    }
    // Not vacuous: the rule lets some readers see versions and hides some from others.
    expect((await listPublications(hospitalA1)).length).toBeGreaterThan(0);
    expect(await listPublications(hospitalB1)).toEqual([]);
    // Newest period first; the quarter before the push of its last month.
    const ids = (await listPublications(entry)).map((i) => i.id);
    const march = await draftOf("MONTHLY_PUSH", "2025-03");
    expect(ids.indexOf(quarterly.id)).toBe(ids.indexOf(march.id) - 1);
    expect(ids.indexOf(march.id)).toBeLessThan(ids.indexOf((await draftOf("MONTHLY_PUSH", "2025-02")).id));
  });
});
