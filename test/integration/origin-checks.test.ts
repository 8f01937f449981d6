import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ROLES } from "@/app/_domain/roles";
import type { Session } from "@/app/_server/auth/session";
import { assertSameOrigin } from "@/app/_server/http/route-helpers";
import { sessionOf } from "../helpers/fixtures";

/**
 * CSRF (ASVS 3.5.1, reference T21): every state-changing route handler that a session cookie can reach refuses
 * a request from another origin and a request with no Origin at all, before it reads or changes anything.
 * The routes are discovered from app/api, so a new POST route without the check fails here. next-auth's own
 * POSTs (app/api/auth) are protected by its double-submit CSRF token; server actions by Next's Origin check.
 */
// Every role: a 403 can then only come from the origin check, not from a permission guard.
const session: Session = sessionOf({
  id: "u",
  username: "csrf-probe",
  displayName: "csrf-probe",
  roles: [...ROLES],
  provinceId: null,
  regionId: null,
  institutionId: null,
});
vi.mock("@/app/_server/auth/current-session", () => ({ getSession: async () => session, requireSession: async () => session }));

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

const routes = routeFiles()
  .filter((f) => !f.startsWith(path.join("app", "api", "auth")))
  .flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return MUTATING.filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(text)).map((method) => ({ file, method }));
  });

describe("origin checks on state-changing route handlers", () => {
  it("finds the mutating routes", () => {
    expect(routes.map((r) => `${r.method} ${r.file}`).sort()).toEqual([
      "POST app/api/admin/institutions/import/route.ts",
      "POST app/api/catalogue/import/route.ts",
      "POST app/api/v1/sheets/route.ts",
      "POST app/api/v1/sheets/versions/[versionId]/review/route.ts",
    ]);
  });

  for (const { file, method } of routes)
    for (const origin of ["https://evil.example", null, "null"])
      it(`${method} ${file} with Origin ${origin ?? "(none)"} → 403 before anything else`, async () => {
        const mod = await import(/* @vite-ignore */ "@/" + file.replace(/\.ts$/, ""));
        const form = new FormData();
        form.append("file", new Blob(["a,b\n1,2\n"]), "x.csv");
        const headers = new Headers({ host: "portal.example" });
        if (origin) headers.set("origin", origin);
        const request = new Request("http://portal.example/" + file, { method, body: form, headers });
        const params = Promise.resolve({ versionId: "v", code: "c", regionCode: "340100" });
        const res: Response = await mod[method](request, { params });
        expect(res.status).toBe(403);
        expect(JSON.stringify(await res.json())).toContain("跨站请求被拒绝");
      });

  it("assertSameOrigin: same origin passes; other, missing, opaque or malformed origins do not", () => {
    const req = (origin?: string, extra: Record<string, string> = {}) =>
      new Request("http://portal.example/api/x", {
        method: "POST",
        headers: { host: "portal.example", ...(origin ? { origin } : {}), ...extra },
      });
    expect(() => assertSameOrigin(req("http://portal.example"))).not.toThrow();
    expect(() => assertSameOrigin(req("https://portal.example"))).not.toThrow();
    // Behind a configured reverse proxy that sets X-Forwarded-Host.
    expect(() => assertSameOrigin(req("https://liangdi.gov.cn", { "x-forwarded-host": "liangdi.gov.cn" }), 1)).not.toThrow();
    // Without one, a client's own X-Forwarded-Host does not make a foreign Origin ours (issue 16, finding 3).
    expect(() => assertSameOrigin(req("https://evil.example", { "x-forwarded-host": "evil.example" }), 0)).toThrow("跨站请求被拒绝");
    for (const bad of [undefined, "null", "https://evil.example", "http://portal.example.evil.example", "not a url"])
      expect(() => assertSameOrigin(req(bad)), String(bad)).toThrow("跨站请求被拒绝");
  });
});
