import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { addMonths, currentPeriod, monthLabel } from "@/app/_domain/periods";
import { toLongCsv } from "@/app/_domain/sheets/long-csv";
import { warningKey } from "@/app/_domain/sheets/warning-key";
import { DEMO_REGIONS, demoInstitutionsOf } from "@/prisma/seed/demo-data";
import { demoAnomalyPlan, generateDemoMonth } from "@/prisma/seed/demo-sheets";
import { signIn, snapshot, useBrowser } from "./browser";
import { httpSignIn } from "./http-session";

/**
 * [DATA_ENTRY, DATA_REVIEWER, PUBLISHER, HOSPITAL_VIEWER][PUBLICATIONS]: the whole journey of a monthly push in
 * real Chromium. 合肥's last month (left open by the demo) is uploaded and accepted; the month's 月推送 draft
 * appears; the clerk edits and submits it; the reviewer (another user) approves; the publisher publishes; the
 * hospital finds it unread with 「新」, reads it, acknowledges it and exports it; the clerk corrects it, it goes
 * through review and publishing again, and the hospital's old version shows 「已更正」 with a link to the new one.
 */

const WAIT = { timeout: 30_000 };
const PERIOD = addMonths(currentPeriod(), -1);
const NOTE = `端到端测试解读 ${Date.now()}`;

describe("publications journey", () => {
  const b = useBrowser();
  const pages: Page[] = [];
  let base = "";
  let editorUrl = "";

  const as = async (user: string, width = 1440, height = 900) => {
    const page = await b.newPage();
    await page.setViewportSize({ width, height });
    pages.push(page);
    await signIn(page, base, user);
    await page.waitForURL((u) => u.pathname !== "/login", WAIT);
    return page;
  };
  const status = (page: Page) => page.getByTestId("version-status").innerText();

  beforeAll(async () => {
    base = b.baseUrl();
    // Accept 合肥's open month through the API (the sheets journey covers the screens of upload and review).
    const demo = DEMO_REGIONS.find((r) => r.code === "340100")!;
    const rows = generateDemoMonth({
      catalogue: NHSA_2025_03.indicators,
      region: { code: demo.code, scale: demo.scale },
      institutions: demoInstitutionsOf(demo),
      period: PERIOD,
      anomalies: demoAnomalyPlan(PERIOD),
    });
    const csv = toLongCsv(rows.map((x) => ({ regionCode: demo.code, period: PERIOD, ...x })));
    const entry = await httpSignIn(base, "hf_entry");
    const upload = (explanations?: Record<string, string>) => {
      const form = new FormData();
      form.append("file", new Blob([csv], { type: "text/csv" }), `合肥市-${PERIOD}.csv`);
      if (explanations) form.append("explanations", JSON.stringify(explanations));
      return fetch(`${base}/api/v1/sheets`, { method: "POST", body: form, headers: { cookie: entry, origin: base } });
    };
    let up = await upload();
    if (up.status === 422) {
      // The demo month carries deliberate anomalies: the clerk explains each warning, as on the upload page.
      const { report } = (await up.json()) as { report: { errors: unknown[]; warnings: Parameters<typeof warningKey>[0][] } };
      expect(report.errors).toEqual([]);
      up = await upload(Object.fromEntries(report.warnings.map((w) => [warningKey(w), "端到端测试：已与医院核实。"])));
    }
    expect([200, 201], await up.clone().text()).toContain(up.status);
    const list = (await (await fetch(`${base}/api/v1/sheets`, { headers: { cookie: entry } })).json()) as {
      sheets: { period: string; versions: { id: string; status: string }[] }[];
    };
    const pending = list.sheets.find((s) => s.period === PERIOD)!.versions.find((v) => v.status === "VALIDATED");
    if (pending) {
      const reviewer = await httpSignIn(base, "hf_reviewer");
      const r = await fetch(`${base}/api/v1/sheets/versions/${pending.id}/review`, {
        method: "POST",
        body: JSON.stringify({ decision: "ACCEPT" }),
        headers: { cookie: reviewer, origin: base, "content-type": "application/json" },
      });
      expect(r.status, await r.clone().text()).toBe(200);
    }
  }, 120_000);
  afterAll(async () => Promise.all(pages.map((p) => p.context().close())));

  it("accept → the month's 月推送 draft appears; the clerk edits and submits it", async () => {
    const page = await as("hf_entry");
    await page.goto(`${base}/publications`);
    const row = page
      .locator("tr", { hasText: monthLabel(PERIOD) })
      .filter({ hasText: "月推送" })
      .first();
    await expect(row.getByTestId("publication-status").innerText()).resolves.toBe("草稿");
    await row.getByTestId("publication-link").click();
    await page.waitForURL(/\/publications\/[^/]+$/, WAIT);
    editorUrl = page.url();
    await page.getByTestId("draft-narrative").fill(`${NOTE}。本月基金运行平稳。`);
    await page.getByTestId("save-draft").click();
    await page.getByText("草稿已保存").waitFor(WAIT);
    await page.getByTestId("submit-review").click();
    await page.getByTestId("version-status").filter({ hasText: "待审核" }).waitFor(WAIT);
  });

  it("another user reviews and approves it; the publisher publishes it", async () => {
    const reviewer = await as("hf_reviewer");
    await reviewer.goto(editorUrl);
    await reviewer.getByTestId("approve").click();
    await reviewer.locator("#confirm-ask").click();
    await reviewer.getByTestId("version-status").filter({ hasText: "待发布" }).waitFor(WAIT);
    const publisher = await as("hf_publisher");
    await publisher.goto(editorUrl);
    await publisher.getByTestId("publish").click();
    await publisher.getByTestId("version-status").filter({ hasText: "已发布" }).waitFor(WAIT);
    expect(await status(publisher)).toBe("已发布");
  });

  it("the hospital finds it unread with 「新」, reads it, acknowledges it and exports what it sees", async () => {
    const page = await as("hf_hospital");
    await page.goto(`${base}/inbox`);
    const item = page
      .getByTestId("inbox-item")
      .filter({ hasText: monthLabel(PERIOD) })
      .filter({ hasText: "月推送" })
      .first();
    await expect(item.getByTestId("badge-new").innerText()).resolves.toBe("新");
    await snapshot(page, "publications-inbox");
    await item.click();
    await page.getByTestId("publication-dashboard").waitFor(WAIT);
    // One section at a time: the first by default, the others from the bar of titles or 下一部分.
    const nav = page.getByTestId("section-nav");
    expect(await nav.locator("a").first().getAttribute("aria-current")).toBe("page");
    expect(await page.locator("[data-section]").count()).toBe(1);
    await nav.locator("a").filter({ hasText: "本院" }).first().click();
    await page.locator('[data-section="OWN"]').waitFor(WAIT);
    await nav.getByRole("link", { name: "全部" }).click();
    await page.getByText(NOTE).waitFor(WAIT);
    expect(await page.locator('[data-section="OWN"]').count()).toBe(1);
    expect(await page.locator("[data-section]").count()).toBeGreaterThan(1);
    await page.getByTestId("acknowledge").click();
    await page.getByTestId("acknowledged").waitFor(WAIT);
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const csv = await page.request.get(`${base}/api/publications/${id}/export?format=csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("合肥市第一人民医院");
    expect(text).not.toContain("合肥市第二人民医院");
    expect(text.split(/\r\n/).every((line) => line.split(",").every((cell) => !/^[=+@]/.test(cell) && !/^-[^\d]/.test(cell)))).toBe(true);
    const xlsx = await page.request.get(`${base}/api/publications/${id}/export?format=xlsx`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
    await page.goto(`${base}/inbox`);
    await expect(
      page
        .getByTestId("inbox-item")
        .filter({ hasText: monthLabel(PERIOD) })
        .filter({ hasText: "月推送" })
        .first()
        .innerText(),
    ).resolves.toContain("已确认");
  });

  it("a correction goes through review and publishing, and the hospital's old version shows 「已更正」", async () => {
    const entry = pages[0]!;
    await entry.goto(editorUrl);
    await entry.getByTestId("correct").click();
    await entry.getByTestId("ask-text").fill("更正本院住院人次口径");
    await entry.locator("#confirm-ask").click();
    await entry.waitForURL((u) => u.href !== editorUrl && /\/publications\/[^/]+$/.test(u.pathname), WAIT);
    const correctionUrl = entry.url();
    await entry.getByTestId("submit-review").click();
    await entry.getByTestId("version-status").filter({ hasText: "待审核" }).waitFor(WAIT);
    const reviewer = pages[1]!;
    await reviewer.goto(correctionUrl);
    await reviewer.getByTestId("approve").click();
    await reviewer.locator("#confirm-ask").click();
    await reviewer.getByTestId("version-status").filter({ hasText: "待发布" }).waitFor(WAIT);
    const publisher = pages[2]!;
    await publisher.goto(correctionUrl);
    await publisher.getByTestId("publish").click();
    await publisher.getByTestId("version-status").filter({ hasText: "已发布" }).waitFor(WAIT);

    const hospital = pages[3]!;
    await hospital.goto(`${base}/inbox`);
    const item = hospital
      .getByTestId("inbox-item")
      .filter({ hasText: monthLabel(PERIOD) })
      .filter({ hasText: "月推送" })
      .first();
    const id = (await item.getAttribute("href"))!.split("/").pop()!;
    await hospital.goto(`${base}/inbox/${id}?version=1`);
    const banner = hospital.getByTestId("corrected-banner");
    await expect(banner.innerText()).resolves.toContain("已更正");
    await banner.getByRole("link").click();
    await hospital.getByTestId("correction-note").waitFor(WAIT);
    expect(await hospital.getByTestId("correction-note").innerText()).toContain("更正本院住院人次口径");
  });

  it("[screens] receipts, workbench and the dashboard at 1440×900 and 390×844", async () => {
    const publisher = pages[2]!;
    await publisher.goto(editorUrl.replace(/$/, "/receipts"));
    await publisher.getByTestId("receipts-table").waitFor(WAIT);
    await snapshot(publisher, "publications-receipts");
    const entry = pages[0]!;
    await entry.goto(`${base}/workbench`);
    await entry.getByTestId("due-list").waitFor(WAIT);
    await snapshot(entry, "publications-workbench");
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      const page = await as("hf_hospital", w, h);
      await page.goto(`${base}/inbox`);
      const quarterly = page.getByTestId("inbox-item").filter({ hasText: "季发布" }).first();
      await ((await quarterly.count()) ? quarterly : page.getByTestId("inbox-item").first()).click();
      await page.getByTestId("publication-dashboard").waitFor(WAIT);
      await page.waitForTimeout(1500);
      await snapshot(page, `publications-dashboard-${w}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        `no sideways scrolling at ${w}px`,
      ).toBe(true);
      await page.getByTestId("section-nav").locator("a").filter({ hasText: "本院" }).first().click();
      const own = page.locator('[data-section="OWN"]').first();
      await own.waitFor(WAIT);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        `no sideways scrolling in 本院 at ${w}px`,
      ).toBe(true);
      await own.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1200);
      await own.screenshot({ path: `test-results/screenshots/publications-own-${w}.png` });
      if (w === 1440) {
        // The ranking picker draws the chosen indicator's ranking (built in the browser from the peers' values).
        const ranking = page.getByTestId("peer-ranking");
        await page.locator("[data-testid=peer-ranking][data-drawn=true]").waitFor(WAIT);
        const first = await ranking.getAttribute("aria-label");
        await page.getByLabel("选择排名指标").selectOption({ index: 1 });
        await expect.poll(() => ranking.getAttribute("aria-label")).not.toBe(first);
        expect(await ranking.locator("canvas").count()).toBe(1);
      }
    }
  });
});
