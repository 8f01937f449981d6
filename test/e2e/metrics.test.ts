import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addMonths, currentPeriod } from "@/app/_domain/periods";
import { signIn, snapshot, useBrowser } from "./browser";

/**
 * 指标分析 through the real screens: a reviewer of 合肥市 opens the metrics page from the menu, opens the lineage
 * card of a derived number (formula, inputs, links to the sheet versions), looks at the institutions compared
 * with their peers, and edits and saves the quarter's 智能解读; the province's supervisor reads it without an
 * editor; a hospital user gets the 404 page.
 */

const WAIT = { timeout: 30_000 };
const button = (scope: Page | Locator, text: string) =>
  scope.getByRole("button", { name: new RegExp(`(^|\\s)${[...text].join("\\s*")}$`) });
const NOTE = `（端到端测试补充：${Date.now()}）`;
/**
 * A month of the demo's own accepted sheets: the month due (last month) may meanwhile hold the sparse sheet
 * test/e2e/sheets.test.ts uploads and accepts.
 */
const DEMO_MONTH = addMonths(currentPeriod(), -2);

async function signInAs(page: Page, baseUrl: string, user: string) {
  await signIn(page, baseUrl, user);
  await page.waitForURL((u) => u.pathname !== "/login", WAIT);
}

describe("metrics page", () => {
  const b = useBrowser();

  it("[DATA_REVIEWER][METRICS]: opens the page from the menu and the lineage card of a derived number", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_reviewer");
    await page.getByRole("link", { name: "指标分析" }).click();
    await page.waitForURL(/\/metrics/, WAIT);
    await page.goto(`${b.baseUrl()}/metrics?period=${DEMO_MONTH}`);
    const table = page.getByTestId("region-metrics");
    await expect.poll(() => table.getByText("基本医保统筹基金收入合计").count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId("trend-chart").locator("canvas").first().waitFor(WAIT);
    await snapshot(page, "metrics-page");

    // One category at a time, the first by default; another category hides 基金收入's rows, 全部 shows every one.
    const categories = page.getByTestId("metric-category");
    expect(await categories.first().getAttribute("aria-current")).toBe("page");
    await categories.nth(1).click();
    await expect.poll(() => table.getByText("基本医保统筹基金收入合计").count(), WAIT).toBe(0);
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(1);
    await categories.last().click();
    await page.waitForURL(/category=%E5%85%A8%E9%83%A8/, WAIT);
    await expect.poll(() => table.getByText("基本医保统筹基金收入合计").count(), WAIT).toBeGreaterThan(0);
    expect(await categories.last().getAttribute("aria-current")).toBe("page");

    await page.getByTestId("cell-FI05-TOTAL-ytd").click();
    const card = page.getByTestId("lineage-card");
    await card.getByText("FI03.EMPLOYEE + FI04.RESIDENT").waitFor(WAIT);
    const source = card.getByRole("link", { name: /第 \d+ 版/ }).first();
    await source.waitFor(WAIT);
    expect(await source.getAttribute("href")).toMatch(/^\/sheets\/[0-9a-f-]{36}$/);
    await snapshot(page, "metrics-lineage");
    await source.click();
    await page.waitForURL(/\/sheets\/[0-9a-f-]{36}$/, WAIT);
    await page
      .getByText(/第 \d+ 版/)
      .first()
      .waitFor(WAIT);
    await page.context().close();
  }, 120_000);

  it("[DATA_REVIEWER][METRICS]: compares the institutions with their peers and shows the flags with reasons", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_reviewer");
    await page.goto(b.baseUrl() + "/metrics?tab=institutions&indicator=IN05");
    const table = page.getByTestId("institution-comparison");
    await table.waitFor(WAIT);
    await expect.poll(() => table.locator("tbody tr").count(), WAIT).toBeGreaterThan(5);
    await expect.poll(() => page.getByText("本月全部异常提示").count(), WAIT).toBe(1);
    await snapshot(page, "metrics-institutions");
    await page.context().close();
  }, 120_000);

  it("[DATA_REVIEWER][METRICS]: edits the quarter's 智能解读 and saves it as a new version", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_reviewer");
    await page.goto(b.baseUrl() + "/metrics?tab=narrative");
    const text = page.getByTestId("narrative-text");
    await text.waitFor(WAIT);
    expect(await text.inputValue()).toContain("合肥市");
    await text.fill((await text.inputValue()) + "\n\n" + NOTE);
    await page.getByTestId("narrative-save").click();
    await page.getByText(/已保存为第 \d+ 版/).waitFor(WAIT);
    await page.getByText(/当前为第 \d+ 版/).waitFor(WAIT);
    await page.getByText(/历史版本（[1-9]\d*）/).click();
    await expect.poll(async () => (await page.getByTestId("narrative").textContent()) ?? "", WAIT).toContain(NOTE);
    await snapshot(page, "metrics-narrative");
    await page.context().close();
  }, 120_000);

  it("[SUPERVISOR][METRICS]: reads a region's saved 智能解读 without an editor", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "ah_supervisor");
    await page.getByRole("link", { name: "指标分析" }).click();
    await page.waitForURL(/\/metrics/, WAIT);
    await page.getByTestId("region-select").waitFor(WAIT);
    await page.goto(b.baseUrl() + "/metrics?tab=narrative&region=340100");
    const text = page.getByTestId("narrative-text");
    await text.waitFor(WAIT);
    expect(await text.getAttribute("readonly")).not.toBeNull();
    expect(await text.inputValue()).toContain(NOTE);
    expect(await page.getByTestId("narrative-save").count()).toBe(0);
    await page.getByText("只读：智能解读由该统筹区数据工作组编辑。").waitFor(WAIT);
    await snapshot(page, "metrics-narrative-supervisor");
    await page.context().close();
  }, 120_000);

  it("[HOSPITAL_VIEWER][METRICS]: /metrics answers 404 with no data", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_hospital");
    const response = await page.goto(b.baseUrl() + "/metrics?region=340100");
    expect(response?.status()).toBe(404);
    const body = (await page.textContent("body")) ?? "";
    expect(body).toContain("页面不存在或无权访问");
    expect(body).not.toContain("基金收入");
    await page.context().close();
  }, 60_000);
});
