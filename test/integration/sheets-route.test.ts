import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { conforming } from "../helpers/api-contract";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

// The route reads the session from next-auth's cookie; here the session is injected instead.
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));

// Every answer is also checked against the OpenAPI description (test/helpers/api-contract.ts).
const POST = conforming((await import("@/app/api/v1/sheets/route")).POST);

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";

/** A multipart body as Chrome sends it: its boundary has capitals, which must survive the parsing. */
function chromeMultipart(fields: Record<string, string>, file: { name: string; text: string }) {
  const boundary = "----WebKitFormBoundaryQ3xZ7aBcDeFgHiJk";
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.text}\r\n`,
  );
  const body = Buffer.from(parts.join("") + `--${boundary}--\r\n`, "utf8");
  return new Request("http://localhost/api/v1/sheets", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: "http://localhost" },
  });
}

describe("POST /api/v1/sheets from a browser form", () => {
  const prisma = useTestDatabase();
  let rows: string[][] = [];
  beforeAll(async () => {
    const w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    const catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    rows = completeSheetRows(catalogue, "340100", "2025-01", ["H34010000001", "H34010000002"]);
    getSession.mockResolvedValue(await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id }));
  });

  it("reads a multipart body whose boundary has capitals; a wrong CSV header is a 422 report naming the expected one", async () => {
    const res = await POST(chromeMultipart({}, { name: "long.csv", text: "region,period,indicator,scheme,institution,value\r\n" }));
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json).toMatchObject({ ok: false, stage: "errors" });
    expect(json.report.errors[0].message).toContain(`应为：${HEADER}`);
  });

  it("stores a clean sheet (201), dry-runs it (200, nothing stored)", async () => {
    const text = [HEADER, ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n";
    const dry = await POST(chromeMultipart({ dryRun: "1" }, { name: "jan.csv", text }));
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ ok: true, dryRun: true });
    expect(await prisma().sheetVersion.count()).toBe(0);
    const res = await POST(chromeMultipart({ explanations: "{}" }, { name: "jan.csv", text }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true, unchanged: false, version: 1, period: "2025-01" });
  });
});
