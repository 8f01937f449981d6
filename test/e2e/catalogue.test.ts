import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snapshot, useBrowser } from "./browser";

/**
 * The catalogue links each indicator to its page: 口径, the formula in readable form with a link to every
 * indicator it reads, the indicators that read it, and how its numbers are obtained. An unknown code is the 404
 * page; a hospital user gets the 404 page (the authorization matrix covers every role).
 */

const WAIT = { timeout: 30_000 };

async function signInAs(page: Page, baseUrl: string, user: string) {
  await signIn(page, baseUrl, user);
  await page.waitForURL((u) => u.pathname !== "/login", WAIT);
}

describe("catalogue: one page per indicator", () => {
  const b = useBrowser();

  it("[DATA_ENTRY][CATALOGUE]: opens an indicator from the catalogue and follows its formula to an input", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_entry");
    await page.goto(`${b.baseUrl()}/catalogue/NHSA-2025-03-V2`);
    await page.getByRole("link", { name: "FE03", exact: true }).click();
    await page.waitForURL(/\/catalogue\/NHSA-2025-03-V2\/FE03$/, WAIT);
    expect((await page.request.get(`${b.baseUrl()}/catalogue/NHSA-2025-03-V2/FE03`)).status()).toBe(200);
    const card = page.getByTestId("indicator-explanation");
    await card.waitFor(WAIT);
    await page.getByRole("heading", { name: "FE03 基本医保统筹基金支出合计" }).waitFor(WAIT);
    expect(await card.textContent()).toContain("职工医保统筹基金支出（含生育保险）与居民医保基金支出之和");
    expect(await page.getByTestId("readable-formula").textContent()).toBe(
      "基本医保统筹基金支出合计 = 职工医保统筹基金支出（含生育保险）（职工） + 居民医保基金支出（居民）",
    );
    expect(await card.textContent()).toContain("FE01.EMPLOYEE + FE02.RESIDENT");
    expect(await card.getByRole("link", { name: "BG03 下一年度医保总额增长率" }).getAttribute("href")).toBe(
      "/catalogue/NHSA-2025-03-V2/BG03",
    );
    await snapshot(page, "catalogue-indicator");

    await page.getByTestId("readable-formula").getByRole("link", { name: "居民医保基金支出（居民）" }).click();
    await page.waitForURL(/\/catalogue\/NHSA-2025-03-V2\/FE02$/, WAIT);
    await page.getByText("填报本年累计值").waitFor(WAIT);
    expect(await page.getByTestId("indicator-explanation").textContent()).toContain("填报指标");

    const missing = await page.goto(`${b.baseUrl()}/catalogue/NHSA-2025-03-V2/ZZ99`);
    expect(missing?.status()).toBe(404);
    await page.context().close();
  }, 120_000);
});
