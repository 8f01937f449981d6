import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, snapshot, useBrowser } from "./browser";

const HOMES = [
  { role: "SYSTEM_ADMIN", user: "sysadmin", path: "/admin", heading: "系统概览" },
  { role: "SECURITY_ADMIN", user: "secadmin", path: "/security", heading: "账号安全" },
  { role: "AUDIT_ADMIN", user: "auditor", path: "/audit", heading: "审计日志" },
  { role: "DATA_ENTRY", user: "hf_entry", path: "/workbench", heading: "合肥市医保数据工作组" },
  { role: "DATA_REVIEWER", user: "hf_reviewer", path: "/workbench", heading: "合肥市医保数据工作组" },
  { role: "PUBLISHER", user: "hf_publisher", path: "/workbench", heading: "合肥市医保数据工作组" },
  { role: "SUPERVISOR", user: "ah_supervisor", path: "/supervise", heading: "安徽省医保数据发布监管" },
  { role: "HOSPITAL_VIEWER", user: "hf_hospital", path: "/inbox", heading: "合肥市第一人民医院" },
];

describe("sign-in", () => {
  const b = useBrowser();

  it("[ANON][auth]: the login page offers the demo accounts and a visitor is sent there from any page", async () => {
    const page = await b.newPage();
    await page.goto(b.baseUrl() + "/admin/users");
    await page.waitForURL(/\/login/);
    await expect(page.getByText("演示环境").first().isVisible()).resolves.toBe(true);
    await snapshot(page, "login");
  });

  it("[ANON][auth]: a wrong password shows a clear message and stays on the login page", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "hf_entry", "wrong-password");
    await page.getByRole("alert").filter({ hasText: "用户名或密码错误，请重新输入。" }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  for (const h of HOMES)
    it(`[${h.role}][auth]: signs in and lands on ${h.path}`, async () => {
      const page = await b.newPage();
      await signIn(page, b.baseUrl(), h.user);
      await page.waitForURL((u) => u.pathname === h.path, { timeout: 20_000 });
      await expect(page.getByRole("heading", { level: 3 }).first().textContent()).resolves.toContain(h.heading);
      await snapshot(page, `home-${h.user}`);
    });

  // Issue 16 finding 2: `/\\evil.example/` and `/\t/evil.example/` passed a "starts with / but not //" check
  // and the browser, resolving them, went to http://evil.example/ after signing in.
  for (const callbackUrl of ["/%5Cevil.example/", "/%09/evil.example/", "/.//evil.example/"])
    it(`[DATA_ENTRY][auth]: a callbackUrl of ${callbackUrl} keeps the browser on the portal after sign-in`, async () => {
      const page = await b.newPage();
      const offSite: string[] = [];
      await page.context().route(
        (u) => !u.href.startsWith(b.baseUrl()),
        (route) => {
          offSite.push(route.request().url());
          return route.abort();
        },
      );
      await page.goto(`${b.baseUrl()}/login?callbackUrl=${callbackUrl}`);
      await page.getByLabel("用户名").fill("hf_entry");
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.waitForURL((u) => u.pathname === "/workbench", { timeout: 20_000 });
      expect(new URL(page.url()).origin).toBe(b.baseUrl());
      expect(offSite).toEqual([]);
    });

  it("[DATA_ENTRY][auth]: signing out ends the session", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "hf_entry");
    await page.waitForURL(/\/workbench/);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(b.baseUrl() + "/workbench");
    await page.waitForURL(/\/login/);
  });
});
