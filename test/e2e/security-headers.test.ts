import { describe, expect, inject, it } from "vitest";
import { signIn, snapshot, useBrowser } from "./browser";
import { httpSignIn } from "./http-session";

/**
 * Response headers on pages, API answers, downloads and static files (ASVS 3.4, 14.3.2; reference T22), and the
 * nonce-based CSP in real Chromium: every page renders with Ant Design's styles, modals and charts, and the
 * console shows no CSP violation.
 */
describe("security headers", () => {
  const base = () => inject("e2eBaseUrl");

  it("[ANON][headers]: pages, API answers, downloads and static files carry the header set", async () => {
    const cookie = await httpSignIn(base(), "hf_entry");
    const login = await fetch(base() + "/login");
    const html = await login.text();
    const css = html.match(/\/_next\/static\/[^"]+\.css/)?.[0];
    expect(css).toBeTruthy();
    const responses = {
      login,
      page: await fetch(base() + "/workbench", { headers: { cookie } }),
      api: await fetch(base() + "/api/v1/sheets", { headers: { cookie } }),
      download: await fetch(base() + "/api/sheets/template?period=2025-06", { headers: { cookie } }),
      refused: await fetch(base() + "/api/v1/sheets"),
      redirect: await fetch(base() + "/admin", { redirect: "manual" }),
      static: await fetch(base() + css),
    };
    for (const [name, r] of Object.entries(responses)) {
      expect(r.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(r.headers.get("x-frame-options"), name).toBe("DENY");
      expect(r.headers.get("referrer-policy"), name).toBe("no-referrer");
      expect(r.headers.get("x-powered-by"), name).toBeNull();
      if (name === "static") {
        expect(r.headers.get("cache-control")).toContain("immutable");
        continue;
      }
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp, name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, name).toContain(d);
      expect(r.headers.get("cache-control"), name).toContain("no-store");
      // Served over plain HTTP here: no HSTS unless LIANGDI_HSTS=1 (unit-tested).
      expect(r.headers.get("strict-transport-security"), name).toBeNull();
    }
    expect(responses.download.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''/);
    const nonce = (r: Response) => r.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];
    expect(nonce(responses.login)).not.toBe(nonce(responses.page));
    // The nonce in the header is the one on the page's scripts.
    expect(html).toContain(`nonce="${nonce(responses.login)}"`);
  });

  it("[ANON][headers]: the proxy-bypass header of CVE-2025-29927 changes nothing", async () => {
    const h = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", "x-middleware-subrequest-id": "x" };
    const page = await fetch(base() + "/admin/users", { headers: h, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
    expect((await fetch(base() + "/api/v1/sheets", { headers: h })).status).toBe(401);
    expect((await fetch(base() + "/api/audit/export", { headers: h })).status).toBe(401);
  });

  const b = useBrowser();
  const VISITS: [string, string[]][] = [
    ["hf_entry", ["/workbench", "/sheets", "/catalogue", "/sheets/tokens"]],
    ["sysadmin", ["/admin", "/admin/users", "/admin/institutions"]],
    ["auditor", ["/audit"]],
    ["hf_hospital", ["/inbox"]],
    ["ah_supervisor", ["/supervise"]],
    ["secadmin", ["/security"]],
  ];
  for (const [user, paths] of VISITS)
    it(`[${user}][csp]: ${paths.join(", ")} render with no CSP violation in the console`, async () => {
      const page = await b.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text().slice(0, 200)}`);
      });
      await signIn(page, b.baseUrl(), user);
      await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 20_000 });
      for (const p of paths) {
        await page.goto(b.baseUrl() + p);
        await page.getByRole("heading", { level: 3 }).first().waitFor();
        // Static styles applied: the shell's (the side menu is the portal's dark blue) and, on the pages with Ant
        // Design (all but the hospital's inbox and dashboards), its stylesheet and the theme's variables.
        const styles = await page.evaluate(() => {
          const app = document.querySelector(".ant-app");
          return {
            sider: getComputedStyle(document.querySelector("[data-testid=sider]")!).backgroundColor,
            primary: app ? getComputedStyle(app).getPropertyValue("--ant-color-primary").trim() : null,
            fontSize: app ? getComputedStyle(app).fontSize : null,
          };
        });
        expect(styles.sider, p).toBe("rgb(15, 47, 92)");
        if (p === "/inbox") expect(styles.primary, p).toBeNull();
        else expect(styles, p).toEqual({ sider: "rgb(15, 47, 92)", primary: "#1458b8", fontSize: "14px" });
      }
      if (user === "sysadmin") {
        await page.goto(b.baseUrl() + "/admin/users");
        await page.getByRole("button", { name: /新增用户/ }).click();
        await page.getByRole("dialog").waitFor();
        // The modal's scroll lock (a <style> Ant Design inserts without a nonce) applies too.
        expect(await page.evaluate(() => getComputedStyle(document.body).overflowY)).toBe("hidden");
      }
      if (user === "auditor") {
        await page.getByRole("button", { name: /校验哈希链/ }).click();
        await page.getByText("哈希链完整", { exact: true }).waitFor();
        // The check time in Beijing time, as the rows beside it (not an ISO instant in UTC).
        await page.getByText(/（校验时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/).waitFor();
        await snapshot(page, "audit-log");
      }
      expect(violations).toEqual([]);
    });
});
