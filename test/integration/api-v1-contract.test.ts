import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { createApiToken } from "@/app/_server/sheets/create-api-token";
import { conforming } from "../helpers/api-contract";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

// The routes read the session from next-auth's cookie; here the session is injected instead.
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));

const sheets = await import("@/app/api/v1/sheets/route");
const review = conforming((await import("@/app/api/v1/sheets/versions/[versionId]/review/route")).POST);
const metrics = conforming((await import("@/app/api/v1/regions/[regionCode]/metrics/route")).GET);
const list = conforming((await import("@/app/api/v1/publications/route")).GET);
const one = conforming((await import("@/app/api/v1/publications/[id]/route")).GET);
const openapi = conforming((await import("@/app/api/v1/openapi.json/route")).GET);
const listSheets = conforming(sheets.GET);
const upload = conforming(sheets.POST);

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";
const BASE = "http://localhost";
const as = (session: Session | null) => getSession.mockResolvedValue(session);
const get = (path: string, headers: Record<string, string> = {}) => new Request(BASE + path, { headers });
const post = (path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) =>
  new Request(BASE + path, { method: "POST", body, headers: { "content-type": type, origin: BASE, ...headers } });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/**
 * The API's real answers, success and error, validate against its OpenAPI description (conforming() throws on
 * an undocumented status or a body that does not match): every /api/v1 operation, through its route handler.
 */
describe("every /api/v1 operation answers as its OpenAPI description says", () => {
  const prisma = useTestDatabase();
  let w: World;
  let entry: Session, reviewer: Session, auditor: Session, hospital: Session, supervisor: Session;
  let csv: string;
  let versionId: string;

  beforeAll(async () => {
    w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    const catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    csv = [HEADER, ...completeSheetRows(catalogue, "340100", "2025-03", ["H34010000001", "H34010000002"]).map((r) => r.join(","))].join(
      "\n",
    );
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    auditor = await createUserSession(prisma(), ["AUDIT_ADMIN"]);
    hospital = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
  });

  it("GET /api/v1/openapi.json: 200 without a session", async () => {
    as(null);
    expect((await openapi(get("/api/v1/openapi.json"))).status).toBe(200);
  });

  it("POST /api/v1/sheets: 200 dry run, 201 stored, 200 unchanged, 422 report or invalid request, 413, 401", async () => {
    as(entry);
    const statuses = [
      await upload(post("/api/v1/sheets?dryRun=1", csv, "text/csv")),
      await upload(post("/api/v1/sheets?fileName=march.csv", csv, "text/csv")),
      await upload(post("/api/v1/sheets", csv, "text/csv")),
      await upload(
        post(
          "/api/v1/sheets?dryRun=1",
          JSON.stringify({ regionCode: "340100", period: "2025-03", values: [{ indicator: "FI01", scheme: "X", value: 1 }] }),
          "application/json",
        ),
      ),
      await upload(post("/api/v1/sheets", "{", "application/json")),
      await upload(post("/api/v1/sheets", "x", "text/plain")),
      await upload(post("/api/v1/sheets", "x", "text/csv", { "content-length": String(200 * 1024 * 1024) })),
    ].map((r) => r.status);
    expect(statuses).toEqual([200, 201, 200, 422, 422, 422, 413]);
    as(null);
    expect((await upload(post("/api/v1/sheets", csv, "text/csv"))).status).toBe(401);
  });

  it("GET /api/v1/sheets: 200 for region staff, 403 for an auditor, 401 anonymous", async () => {
    as(entry);
    const res = await listSheets(get("/api/v1/sheets"));
    expect(res.status).toBe(200);
    versionId = (await res.json()).sheets[0].versions[0].id;
    as(auditor);
    expect((await listSheets(get("/api/v1/sheets"))).status).toBe(403);
    as(null);
    expect((await listSheets(get("/api/v1/sheets"))).status).toBe(401);
  });

  it("GET with a bearer API token: 200 on a token route; the review route refuses it with 401", async () => {
    const { token } = await createApiToken(entry, { name: "医保信息平台每月推送" });
    as(null);
    expect((await listSheets(get("/api/v1/sheets", { authorization: `Bearer ${token}` }))).status).toBe(200);
    const refused = await review(
      post(`/api/v1/sheets/versions/${versionId}/review`, JSON.stringify({ decision: "ACCEPT" }), "application/json", {
        authorization: `Bearer ${token}`,
      }),
      params({ versionId }),
    );
    expect(refused.status).toBe(401);
  });

  it("POST /api/v1/sheets/versions/{versionId}/review: 422, 404, 200, then 409; 403 from another site", async () => {
    as(reviewer);
    const decide = (id: string, body: object, headers: Record<string, string> = {}) =>
      review(post(`/api/v1/sheets/versions/${id}/review`, JSON.stringify(body), "application/json", headers), params({ versionId: id }));
    const statuses = [
      await decide(versionId, { decision: "MAYBE" }),
      await decide("no-such-version", { decision: "ACCEPT" }),
      await decide(versionId, { decision: "ACCEPT" }),
      await decide(versionId, { decision: "ACCEPT" }),
      await decide(versionId, { decision: "ACCEPT" }, { origin: "https://evil.example" }),
    ].map((r) => r.status);
    expect(statuses).toEqual([422, 404, 200, 409, 403]);
  });

  it("GET /api/v1/regions/{regionCode}/metrics: a month and a quarter (200), no data yet or another region (404), a bad period (422)", async () => {
    const read = (session: Session, code: string, period: string) => {
      as(session);
      return metrics(get(`/api/v1/regions/${code}/metrics?period=${period}`), params({ regionCode: code }));
    };
    const statuses = [
      await read(entry, "340100", "2025-03"),
      await read(supervisor, "340100", "2025Q1"),
      await read(entry, "340100", "2025-01"),
      await read(entry, "340200", "2025-03"),
      await read(entry, "340100", "March"),
    ].map((r) => r.status);
    expect(statuses).toEqual([200, 200, 404, 404, 422]);
  });

  it("GET /api/v1/publications and /{id}: the drafts of the accepted month for staff (200), nothing for a hospital yet (404), a bad version (422)", async () => {
    as(reviewer);
    const res = await list(get("/api/v1/publications"));
    expect(res.status).toBe(200);
    const { publications } = (await res.json()) as { publications: { id: string }[] };
    expect(publications.length).toBeGreaterThan(0);
    for (const p of publications) expect((await one(get(`/api/v1/publications/${p.id}`), params({ id: p.id }))).status).toBe(200);
    const id = publications[0].id;
    expect((await one(get(`/api/v1/publications/${id}?version=x`), params({ id }))).status).toBe(422);
    as(hospital);
    expect((await list(get("/api/v1/publications?kind=MONTHLY_PUSH"))).status).toBe(200);
    expect((await one(get(`/api/v1/publications/${id}`), params({ id }))).status).toBe(404);
    as(null);
    expect((await list(get("/api/v1/publications"))).status).toBe(401);
  });
});
