import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { httpSignIn, startExtraPortal } from "./http-session";

/**
 * The authorization proof (reference T01/T02, ASVS 8.2, 等保 L3-CES1-09 越权): every page, API route and
 * download × every demo role (plus a data-entry user of another region and an anonymous visitor), over HTTP
 * against the built portal — twice: as deployed, and with proxy.ts switched off (LIANGDI_PROXY_DISABLED=1, as
 * if a proxy bypass such as CVE-2025-29927 had happened). Allowed → 200 (or the route's own answer to the
 * harmless request sent); refused → 404/403 (pages 404), anonymous → 401 or the login redirect, with none of
 * the data in the body (pages also as the RSC payload). Allowed reads are repeated with a foreign regionId,
 * institutionId and regionCode in the query and headers: those are ignored, no other region's data appears.
 * The routes are discovered from app/: a route without a row here fails the completeness test.
 */

const USERS = [
  "anon",
  "sysadmin",
  "secadmin",
  "auditor",
  "hf_entry",
  "hf_reviewer",
  "hf_publisher",
  "ah_supervisor",
  "hf_hospital",
  "wh_entry",
] as const;
type User = (typeof USERS)[number];
const SIGNED_IN = USERS.filter((u) => u !== "anon");
const HF_STAFF: User[] = ["hf_entry", "hf_reviewer", "hf_publisher"];
const REGION_STAFF: User[] = [...HF_STAFF, "wh_entry"];
const CATALOGUE_READERS: User[] = ["sysadmin", ...REGION_STAFF, "ah_supervisor"];

/** Strings only other scopes' pages contain: never in a refused answer. */
const DENIED_MARKERS = [
  "合肥市第二人民医院",
  "芜湖市第一人民医院",
  "宿松县人民医院",
  "ss_entry",
  "wh_reviewer",
  "auth.login",
  "audit.query",
  "NHSA-2025-03-V2 · ",
  "FI05",
];
/** What a user of one region must never receive about another (institution names and codes). */
const FOREIGN: Partial<Record<User, string[]>> = {
  hf_entry: ["芜湖市第一人民医院", "宿松县人民医院", "H340200", "H340826"],
  hf_reviewer: ["芜湖市第一人民医院", "宿松县人民医院", "H340200", "H340826"],
  hf_publisher: ["芜湖市第一人民医院", "宿松县人民医院", "H340200", "H340826"],
  hf_hospital: ["芜湖市第一人民医院", "宿松县人民医院", "合肥市第二人民医院", "H340200", "H340826"],
  wh_entry: ["合肥市第一人民医院", "合肥市第二人民医院", "宿松县人民医院", "H340100", "H340826"],
};

interface Ctx {
  base: string;
  hfVersion: string;
  /** A published 合肥 publication addressed to every institution (hf_hospital's among them). */
  pub: { id: string; versionId: string };
  /** Real ids of each region and of its first institution, to inject as a foreign tenant. */
  ids: Record<"340100" | "340200", { regionId: string; institutionId: string }>;
}
interface Row {
  /** The route as it is in app/ (route groups removed). */
  route: string;
  method?: "GET" | "POST";
  url: (c: Ctx) => string;
  allowed: readonly User[];
  /** For POST: a harmless request (dry run or invalid input), so an allowed user changes nothing. */
  body?: (c: Ctx) => { body: BodyInit; type?: string };
  /** Statuses that count as "allowed" (default 200). */
  ok?: number[];
  /** A public route (the login page). */
  publicRoute?: boolean;
}

const csvForm =
  (extra: Record<string, string> = {}) =>
  () => {
    const form = new FormData();
    form.append("file", new Blob(["机构编码,机构名称\n"]), "probe.csv");
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    return { body: form };
  };

const ROWS: Row[] = [
  { route: "/", url: () => "/", allowed: SIGNED_IN, ok: [307] },
  { route: "/login", url: () => "/login", allowed: USERS, publicRoute: true, ok: [200, 307] },
  { route: "/change-password", url: () => "/change-password", allowed: SIGNED_IN, ok: [200, 307] },
  { route: "/account/password", url: () => "/account/password", allowed: SIGNED_IN },
  { route: "/account/security", url: () => "/account/security", allowed: SIGNED_IN },
  // Forced MFA enrolment; everyone else (the demo accounts are not forced) is sent on (307).
  { route: "/mfa-setup", url: () => "/mfa-setup", allowed: SIGNED_IN, ok: [200, 307] },
  { route: "/no-access", url: () => "/no-access", allowed: SIGNED_IN },
  // The API description for people: any signed-in user (it holds no data).
  { route: "/api-docs", url: () => "/api-docs", allowed: SIGNED_IN },
  { route: "/admin", url: () => "/admin", allowed: ["sysadmin"] },
  { route: "/admin/users", url: () => "/admin/users", allowed: ["sysadmin"] },
  { route: "/admin/institutions", url: () => "/admin/institutions", allowed: ["sysadmin"] },
  { route: "/admin/regions", url: () => "/admin/regions", allowed: ["sysadmin"] },
  { route: "/security", url: () => "/security", allowed: ["secadmin"] },
  { route: "/audit", url: () => "/audit", allowed: ["auditor"] },
  { route: "/catalogue", url: () => "/catalogue", allowed: CATALOGUE_READERS },
  { route: "/catalogue/[code]", url: () => "/catalogue/NHSA-2025-03-V2", allowed: CATALOGUE_READERS },
  { route: "/catalogue/[code]/[indicator]", url: () => "/catalogue/NHSA-2025-03-V2/SV03", allowed: CATALOGUE_READERS },
  { route: "/inbox", url: () => "/inbox", allowed: ["hf_hospital"] },
  { route: "/inbox/[id]", url: (c) => `/inbox/${c.pub.id}`, allowed: [...HF_STAFF, "ah_supervisor", "hf_hospital"] },
  { route: "/publications", url: () => "/publications", allowed: REGION_STAFF },
  { route: "/publications/[versionId]", url: (c) => `/publications/${c.pub.versionId}`, allowed: HF_STAFF },
  { route: "/publications/[versionId]/receipts", url: (c) => `/publications/${c.pub.versionId}/receipts`, allowed: HF_STAFF },
  {
    route: "/api/publications/[id]/export",
    url: (c) => `/api/publications/${c.pub.id}/export?format=csv`,
    allowed: [...HF_STAFF, "ah_supervisor", "hf_hospital"],
  },
  { route: "/supervise", url: () => "/supervise", allowed: ["ah_supervisor"] },
  { route: "/workbench", url: () => "/workbench", allowed: REGION_STAFF },
  { route: "/sheets", url: () => "/sheets", allowed: REGION_STAFF },
  { route: "/sheets/tokens", url: () => "/sheets/tokens", allowed: ["hf_entry", "wh_entry"] },
  // 合肥's version: 芜湖's data-entry user is told it does not exist.
  { route: "/sheets/[versionId]", url: (c) => `/sheets/${c.hfVersion}`, allowed: HF_STAFF },

  // 指标分析: the own region by default; another region by ?region= is for the province's supervisor only.
  { route: "/metrics", url: () => "/metrics", allowed: [...REGION_STAFF, "ah_supervisor"] },
  { route: "/metrics", url: () => "/metrics?region=340100&tab=institutions", allowed: [...HF_STAFF, "ah_supervisor"] },
  { route: "/metrics", url: () => "/metrics?region=340200&tab=narrative", allowed: ["wh_entry", "ah_supervisor"] },

  { route: "/api/admin/institutions/template", url: () => "/api/admin/institutions/template", allowed: ["sysadmin"] },
  {
    route: "/api/admin/institutions/import",
    method: "POST",
    url: () => "/api/admin/institutions/import",
    allowed: ["sysadmin"],
    body: csvForm({ dryRun: "1" }),
    ok: [200, 422],
  },
  { route: "/api/audit/export", url: () => "/api/audit/export?format=csv", allowed: ["auditor"] },
  { route: "/api/admin/backup", url: () => "/api/admin/backup", allowed: ["sysadmin"] },
  { route: "/api/catalogue/[code]/export", url: () => "/api/catalogue/NHSA-2025-03-V2/export?format=csv", allowed: ["sysadmin"] },
  {
    route: "/api/catalogue/import",
    method: "POST",
    url: () => "/api/catalogue/import",
    allowed: ["sysadmin"],
    body: csvForm(),
    ok: [200, 422],
  },
  { route: "/api/sheets/template", url: () => "/api/sheets/template?period=2025-06", allowed: ["hf_entry", "wh_entry"] },
  { route: "/api/sheets/versions/[versionId]/original", url: (c) => `/api/sheets/versions/${c.hfVersion}/original`, allowed: HF_STAFF },
  { route: "/api/sheets/versions/[versionId]/report", url: (c) => `/api/sheets/versions/${c.hfVersion}/report`, allowed: HF_STAFF },
  {
    route: "/api/sheets/versions/[versionId]/diff",
    url: (c) => `/api/sheets/versions/${c.hfVersion}/diff?from=${c.hfVersion}`,
    allowed: HF_STAFF,
  },
  {
    route: "/api/metrics/lineage",
    url: () => "/api/metrics/lineage?regionCode=340100&period=2025-06&indicator=FE03&scheme=TOTAL",
    allowed: [...HF_STAFF, "ah_supervisor"],
  },
  {
    route: "/api/metrics/trend",
    url: () => "/api/metrics/trend?regionCode=340100&period=2025-06&indicator=FE03&scheme=TOTAL",
    allowed: [...HF_STAFF, "ah_supervisor"],
  },
  {
    route: "/api/v1/regions/[regionCode]/metrics",
    url: () => "/api/v1/regions/340100/metrics?period=2025-06",
    allowed: [...HF_STAFF, "ah_supervisor"],
  },
  {
    route: "/api/v1/regions/[regionCode]/metrics",
    url: () => "/api/v1/regions/340200/metrics?period=2025-06",
    allowed: ["wh_entry", "ah_supervisor"],
  },
  { route: "/api/v1/sheets", url: () => "/api/v1/sheets", allowed: REGION_STAFF },
  { route: "/api/v1/publications", url: () => "/api/v1/publications", allowed: [...REGION_STAFF, "ah_supervisor", "hf_hospital"] },
  {
    route: "/api/v1/publications/[id]",
    url: (c) => `/api/v1/publications/${c.pub.id}`,
    allowed: [...HF_STAFF, "ah_supervisor", "hf_hospital"],
  },
  // The API description: public (it holds no data, see its route file).
  { route: "/api/v1/openapi.json", url: () => "/api/v1/openapi.json", allowed: USERS, publicRoute: true },
  {
    route: "/api/v1/sheets",
    method: "POST",
    url: () => "/api/v1/sheets?dryRun=1",
    allowed: ["hf_entry", "wh_entry"],
    body: () => ({ body: "region_code,period,indicator_code,scheme,institution_code,value\n", type: "text/csv" }),
    ok: [422],
  },
  {
    route: "/api/v1/sheets/versions/[versionId]/review",
    method: "POST",
    url: (c) => `/api/v1/sheets/versions/${c.hfVersion}/review`,
    allowed: ["hf_reviewer"],
    body: () => ({ body: JSON.stringify({ decision: "MAYBE" }), type: "application/json" }),
    ok: [422],
  },
];

/** next-auth's own handler is public by design (sign-in, CSRF token, session); the sign-in tests cover it. */
const EXEMPT = new Set(["/api/auth/[...nextauth]"]);

function discoverRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith("_")) continue; // private folders (_domain, _server)
      out.push(...discoverRoutes(p, /^\(.*\)$/.test(e.name) ? prefix : `${prefix}/${e.name}`));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(e.name)) out.push(prefix || "/");
  }
  return out;
}

async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get("content-type") ?? "";
  if (/json|text|html|x-component|csv/.test(type) || !type) return res.text();
  await res.arrayBuffer();
  return "";
}

/** The other region, from the user's point of view: 芜湖 for 合肥's users, 合肥 for 芜湖's. */
function foreignTenant(user: User, c: Ctx) {
  const code = user === "wh_entry" ? "340100" : "340200";
  const institutionCode = `H${code}00001`;
  const { regionId, institutionId } = c.ids[code];
  return {
    query: new URLSearchParams({ regionId, institutionId, regionCode: code, region: code, institutionCode }),
    headers: { "x-region-id": regionId, "x-institution-id": institutionId, "x-region-code": code },
    /** Pages echo the query string in their RSC payload: the injected values themselves do not count. */
    echoed: [regionId, institutionId, institutionCode],
  };
}

const ID = /^[0-9a-z-]{20,}$/;

/** The id next to a code in a page's RSC payload (escaped or not): `"id":"…","code":"340200"`. */
function idBeside(html: string, code: string): string | null {
  const m = html.match(new RegExp(`\\\\?"id\\\\?":\\\\?"([0-9a-z-]{20,})\\\\?",\\\\?"code\\\\?":\\\\?"${code}\\\\?"`));
  return m?.[1] ?? null;
}

describe("authorization matrix: every route × every role, with and without proxy.ts", () => {
  const portals: Record<"proxy" | "no-proxy", { ctx?: Ctx; cookies: Partial<Record<User, string>> }> = {
    proxy: { cookies: {} },
    "no-proxy": { cookies: {} },
  };
  let extra: Awaited<ReturnType<typeof startExtraPortal>> | undefined;

  async function prepare(which: "proxy" | "no-proxy", base: string) {
    const p = portals[which];
    for (const u of SIGNED_IN) p.cookies[u] = await httpSignIn(base, u);
    const get = async (u: User, url: string) => (await fetch(base + url, { headers: { cookie: p.cookies[u]! } })).text();
    const sheets = JSON.parse(await get("hf_entry", "/api/v1/sheets")) as { sheets: { versions: { id: string }[] }[] };
    const hfVersion = sheets.sheets.find((s) => s.versions.length)!.versions[0].id;
    // A quarterly release: addressed to every institution with anonymised peers (the 三级专场 names its peers by design).
    const pubs = JSON.parse(await get("hf_publisher", "/api/v1/publications?kind=QUARTERLY_RELEASE")) as {
      publications: { id: string; versionId: string; status: string }[];
    };
    const pub = pubs.publications.find((x) => x.status === "PUBLISHED")!;
    const regions = await get("sysadmin", "/admin/regions");
    const institutions = await get("sysadmin", "/admin/institutions");
    p.ctx = {
      base,
      hfVersion,
      pub: { id: pub.id, versionId: pub.versionId },
      ids: {
        "340100": { regionId: idBeside(regions, "340100") ?? "", institutionId: idBeside(institutions, "H34010000001") ?? "" },
        "340200": { regionId: idBeside(regions, "340200") ?? "", institutionId: idBeside(institutions, "H34020000001") ?? "" },
      },
    };
  }

  beforeAll(async () => {
    const port = Number(process.env.LIANGDI_E2E_PORT ?? 3217) + 1;
    const [started] = await Promise.all([startExtraPortal(port, { LIANGDI_PROXY_DISABLED: "1" }), prepare("proxy", inject("e2eBaseUrl"))]);
    extra = started;
    await prepare("no-proxy", extra.baseUrl);
  }, 300_000);
  afterAll(async () => extra?.stop());

  it("has a row for every page and route handler in app/ (and no row for a route that does not exist)", () => {
    const found = new Set(discoverRoutes().filter((r) => !EXEMPT.has(r)));
    const rows = new Set(ROWS.map((r) => r.route));
    expect([...found].filter((r) => !rows.has(r)).sort(), "routes without a row").toEqual([]);
    expect([...rows].filter((r) => !found.has(r)).sort(), "rows without a route").toEqual([]);
  });

  it("found the fixtures: a 合肥 sheet version and 芜湖's real region and institution ids; the second portal runs without proxy.ts", async () => {
    // proxy.ts sets the CSP: its absence shows the switch took effect.
    expect((await fetch(portals.proxy.ctx!.base + "/login")).headers.get("content-security-policy")).toContain("nonce-");
    expect((await fetch(portals["no-proxy"].ctx!.base + "/login")).headers.get("content-security-policy")).toBeNull();
    for (const p of Object.values(portals)) {
      for (const id of [
        p.ctx!.hfVersion,
        p.ctx!.pub.id,
        p.ctx!.pub.versionId,
        ...Object.values(p.ctx!.ids).flatMap((x) => [x.regionId, x.institutionId]),
      ])
        expect(id).toMatch(ID);
    }
  });

  for (const which of ["proxy", "no-proxy"] as const)
    for (const row of ROWS)
      it(`[${which}] ${row.method ?? "GET"} ${row.route} (${row.url({ base: "", hfVersion: "{v}", pub: { id: "{id}", versionId: "{v}" }, ids: { "340100": { regionId: "", institutionId: "" }, "340200": { regionId: "", institutionId: "" } } })})`, async () => {
        const p = portals[which];
        const c = p.ctx!;
        const isPage = !row.route.startsWith("/api/");
        const failures: string[] = [];
        for (const user of USERS) {
          const allowed = row.allowed.includes(user);
          const request = async (url: string, extraHeaders: Record<string, string> = {}) => {
            const b = row.body?.(c);
            const headers: Record<string, string> = { ...extraHeaders };
            if (user !== "anon") headers.cookie = p.cookies[user]!;
            if (row.method === "POST") headers.origin = c.base;
            if (b?.type) headers["content-type"] = b.type;
            const res = await fetch(c.base + url, { method: row.method ?? "GET", headers, body: b?.body, redirect: "manual" });
            return { status: res.status, location: res.headers.get("location") ?? "", text: await bodyText(res) };
          };
          const res = await request(row.url(c));
          const where = `${user} → ${res.status}`;
          if (allowed) {
            if (!(row.ok ?? [200]).includes(res.status)) failures.push(`${where}: expected ${(row.ok ?? [200]).join("/")}`);
            const foreign = FOREIGN[user];
            if (foreign && (row.method ?? "GET") === "GET") {
              // A foreign tenant in query and headers is ignored: same outcome, and nothing of the other region.
              // Refused (404) or ignored (the same answer), never the other region's data.
              const t = foreignTenant(user, c);
              const url = row.url(c);
              const spoofed = await request(url + (url.includes("?") ? "&" : "?") + t.query, t.headers);
              if (spoofed.status !== res.status && spoofed.status !== 404)
                failures.push(`${user} with foreign ids → ${spoofed.status}, without → ${res.status}`);
              const text = t.echoed.reduce((acc, v) => acc.split(v).join(""), spoofed.text);
              for (const m of foreign) if (text.includes(m)) failures.push(`${user} with foreign ids received "${m}"`);
              for (const m of foreign) if (res.text.includes(m)) failures.push(`${user} received "${m}"`);
            }
            continue;
          }
          if (user === "anon") {
            const redirectedToLogin = [302, 303, 307, 308].includes(res.status) && /\/login/.test(res.location);
            if (isPage ? !redirectedToLogin : res.status !== 401)
              failures.push(`${where}: expected ${isPage ? "a redirect to /login" : "401"}`);
          } else if (isPage ? res.status !== 404 : ![403, 404].includes(res.status))
            failures.push(`${where}: expected ${isPage ? "404" : "403/404"}`);
          for (const m of DENIED_MARKERS) if (res.text.includes(m)) failures.push(`${where}: refused answer contains "${m}"`);
          if (isPage && user !== "anon") {
            // The RSC payload a client-side navigation would fetch: refused too, with no data.
            const rsc = await request(row.url(c), { rsc: "1" });
            if (rsc.status === 200 && DENIED_MARKERS.some((m) => rsc.text.includes(m))) failures.push(`${user} RSC → data`);
            if (![404, 307].includes(rsc.status)) failures.push(`${user} RSC → ${rsc.status}`);
          }
        }
        expect(failures).toEqual([]);
      });
});
