import { describe, expect, it } from "vitest";
import { signIn, snapshot, useBrowser } from "./browser";

/** What a hospital user gets for URLs meant for others: the 404 page, and none of the data behind them. */
describe("authorization in the browser", () => {
  const b = useBrowser();

  for (const path of [
    "/admin",
    "/admin/users",
    "/admin/institutions",
    "/admin/regions",
    "/audit",
    "/security",
    "/workbench",
    "/supervise",
    "/catalogue",
    "/catalogue/NHSA-2025-03-V2",
  ])
    it(`[HOSPITAL_VIEWER][authz]: ${path} answers 404 with no data`, async () => {
      const page = await b.newPage();
      await signIn(page, b.baseUrl(), "hf_hospital");
      await page.waitForURL(/\/inbox/);
      const response = await page.goto(b.baseUrl() + path);
      expect(response?.status()).toBe(404);
      const body = await page.content();
      expect(body).toContain("页面不存在或无权访问");
      // Names that only those pages would show: other hospitals, other regions, other users.
      for (const secret of ["芜湖市第一人民医院", "宿松县人民医院", "合肥市第二人民医院", "hf_entry", "王建国", "auth.login"])
        expect(body).not.toContain(secret);
      if (path === "/admin/users") await snapshot(page, "hospital-opens-admin");
    });

  it("[HOSPITAL_VIEWER][authz]: its own page shows its institution and no other", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "hf_hospital");
    await page.waitForURL(/\/inbox/);
    const body = await page.content();
    expect(body).toContain("合肥市第一人民医院");
    expect(body).not.toContain("合肥市第二人民医院");
  });
});
