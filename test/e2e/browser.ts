import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

/** Debian's Chromium, headless, with no background network (never `npx playwright install`: it downloads). */
export const CHROMIUM = process.env.LIANGDI_CHROMIUM ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "Liangdi@2026";

export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });
  afterAll(async () => browser?.close());
  return {
    baseUrl: () => inject("e2eBaseUrl"),
    async newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: "zh-CN" });
      return context.newPage();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(baseUrl + "/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}

/** Saves a screenshot under test-results/screenshots for people to look at (not compared). */
export async function snapshot(page: Page, name: string) {
  await page.waitForTimeout(300);
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
