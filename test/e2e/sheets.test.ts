import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { addMonths, currentPeriod, monthLabel } from "@/app/_domain/periods";
import { signIn, snapshot, useBrowser } from "./browser";

/**
 * The monthly base sheet through the real screens: a data-entry clerk downloads the month's template, fills a
 * few cells, is refused cell by cell for a typo, fixes it, explains the warnings and gets a version; a reviewer
 * reads it, sends one version back with a reason and accepts the other; hospitals see none of it.
 * Works whether or not the demo data already holds accepted sheets: the month is the one due (last month),
 * and version numbers are read from the server before uploading.
 */

const WAIT = { timeout: 30_000 };
const PERIOD = addMonths(currentPeriod(), -1);
const MONTH = monthLabel(PERIOD);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-e2e-sheets-"));

/** Ant Design puts a space between two Chinese characters of a button (“通 过”); an icon adds its name in front. */
const button = (scope: Page | Locator, text: string) =>
  scope.getByRole("button", { name: new RegExp(`(^|\\s)${[...text].join("\\s*")}$`) });

async function signInAs(page: Page, baseUrl: string, user: string) {
  await signIn(page, baseUrl, user);
  await page.waitForURL((u) => u.pathname !== "/login", WAIT);
}

type VersionInfo = { id: string; version: number; status: string };

/** The versions of the month, as the API tells the signed-in page. */
async function versionsOfMonth(page: Page, baseUrl: string): Promise<VersionInfo[]> {
  const r = await page.request.get(baseUrl + "/api/v1/sheets");
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { sheets: { period: string; versions: VersionInfo[] }[] };
  return body.sheets.find((s) => s.period === PERIOD)?.versions ?? [];
}

/** The 区域表 row of an indicator in the template. */
function regionRow(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 3; r <= ws.rowCount; r++) if (String(ws.getCell(r, 2).value ?? "") === code) return r;
  throw new Error(`indicator ${code} not in the template`);
}

/**
 * Fills a few cells of the downloaded template, as a person would: FI01 and FI03 (职工, E), SV02 for the three
 * schemes (E–G, consistent), and the first institution's first value. FI03 is typed as text (`fi03`).
 */
async function fillTemplate(template: Buffer, fi03: string, name: string): Promise<{ file: string; fi03Cell: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const rs = wb.getWorksheet("区域表")!;
  rs.getCell(regionRow(rs, "FI01"), 5).value = 3456789;
  const row = regionRow(rs, "FI03");
  rs.getCell(row, 5).value = fi03;
  const sv02 = regionRow(rs, "SV02");
  rs.getCell(sv02, 5).value = 12000;
  rs.getCell(sv02, 6).value = 8000;
  rs.getCell(sv02, 7).value = 20000;
  wb.getWorksheet("机构表")!.getCell(5, 4).value = 1500;
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return { file, fi03Cell: `区域表!E${row}` };
}

/** Uploads through the 本月填报 card's drag area. */
async function upload(page: Page, file: string) {
  await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
}

/** Explains every warning with one text (the 统一说明 box), then saves. */
async function explainAll(page: Page, text: string) {
  const panel = page.getByTestId("upload-warnings").or(page.getByTestId("upload-dry-run"));
  await panel.getByLabel("统一说明").fill(text);
  await button(panel, "填入未填写的提醒").click();
  await button(panel, "提交说明并保存").click();
}

let firstVersion: { id: string; version: number } | undefined;
let secondVersion: { id: string; version: number } | undefined;

describe("monthly base sheets", () => {
  const b = useBrowser();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("[DATA_ENTRY][sheets]: template → a typo is refused cell by cell and nothing is saved → fixed and explained → version n, then a changed re-upload → n+1", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_entry");
    // 月度底稿 is the first item of a region role's sidebar.
    await expect(page.locator("[data-testid=sider] .shell-nav-item").first().innerText()).resolves.toContain("月度底稿");
    await page.goto(b.baseUrl() + "/sheets");
    await page.getByRole("heading", { name: "月度底稿" }).waitFor();
    const card = page.locator(".ant-card").filter({ hasText: "本月填报" });
    await card.waitFor();
    // The month picker starts on the month due.
    await expect(card.locator(".ant-picker input").inputValue()).resolves.toBe(MONTH);

    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: /下载模板/ }).click()]);
    const template = fs.readFileSync((await download.path())!);
    expect(template.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    expect(download.suggestedFilename()).toContain(PERIOD);

    const before = await versionsOfMonth(page, b.baseUrl());
    const n = (before[0]?.version ?? 0) + 1;

    // A letter O for a zero: refused, with the cell named, and nothing stored.
    const bad = await fillTemplate(template, "12,3O4.5", `${PERIOD}-有误.xlsx`);
    await upload(page, bad.file);
    const errors = page.getByTestId("upload-errors");
    await errors.waitFor(WAIT);
    await errors.getByText(/^文件有 \d+ 处错误，整份未保存。请修改后重新上传。$/).waitFor();
    const row = errors.locator(".ant-table-tbody tr").filter({ hasText: bad.fi03Cell });
    await expect(row.innerText()).resolves.toMatch(/FI03[\s\S]*职工[\s\S]*字母 O/);
    await snapshot(page, "sheets-upload-errors");
    // The report of the refused file downloads from the page (built in the browser).
    const [report] = await Promise.all([page.waitForEvent("download"), button(errors, "下载校验报告").click()]);
    const csv = fs.readFileSync((await report.path())!, "utf8");
    expect(csv.startsWith("\uFEFF级别,位置,指标,险种,机构,问题,说明")).toBe(true);
    expect(csv).toContain(`错误,${bad.fi03Cell},FI03,职工`);
    expect(await versionsOfMonth(page, b.baseUrl())).toHaveLength(before.length);

    // Fixed: no errors, but warnings (missing figures, changes against earlier months) need an explanation each.
    const good = await fillTemplate(template, "12,304.5", `${PERIOD}-已修改.xlsx`);
    await upload(page, good.file);
    const warnings = page.getByTestId("upload-warnings");
    await warnings.waitFor(WAIT);
    await button(warnings, "提交说明并保存").click();
    await warnings.getByText(/^还有 \d+ 条提醒没有填写说明/).waitFor();
    await warnings.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await snapshot(page, "sheets-upload-warnings");
    await explainAll(page, "本月仅试报部分指标，其余下月补报");
    const stored = page.getByTestId("upload-stored");
    await stored.getByText(`已保存为 ${MONTH} 第 ${n} 版，等待审核`).waitFor(WAIT);
    const after = await versionsOfMonth(page, b.baseUrl());
    expect(after[0]).toMatchObject({ version: n, status: "VALIDATED" });
    firstVersion = after[0];
    // The list refreshes by itself.
    const monthRow = page.locator(".ant-table-tbody tr").filter({ hasText: MONTH }).first();
    await monthRow.getByText(/待审核 \d+ 个/).waitFor(WAIT);

    // The same file again: the explanations written a moment ago are kept; then it is recognised, no new version.
    await upload(page, good.file);
    const again = page.getByTestId("upload-warnings");
    await again.waitFor(WAIT);
    await expect(again.locator("textarea").first().inputValue()).resolves.toBe("本月仅试报部分指标，其余下月补报");
    await button(again, "提交说明并保存").click();
    await page.getByText(`与第 ${n} 版完全相同，未生成新版本`).waitFor(WAIT);

    // A corrected figure, checked first (试校验 stores nothing), then saved as the next version.
    const changed = await fillTemplate(template, "12400", `${PERIOD}-更正.xlsx`);
    await card.getByText("试校验：只检查，不保存").click();
    await upload(page, changed.file);
    await page
      .getByTestId("upload-dry-run")
      .getByText(/^试校验通过/)
      .waitFor(WAIT);
    expect(await versionsOfMonth(page, b.baseUrl())).toHaveLength(after.length);
    await explainAll(page, "本月仅试报部分指标，其余下月补报");
    await page.getByText(`已保存为 ${MONTH} 第 ${n + 1} 版，等待审核`).waitFor(WAIT);
    secondVersion = (await versionsOfMonth(page, b.baseUrl()))[0];
    expect(secondVersion.version).toBe(n + 1);

    // The uploader opens their version: its values, and no review buttons.
    await page.getByRole("link", { name: `查看第 ${n + 1} 版` }).click();
    await page.waitForURL((u) => u.pathname === `/sheets/${secondVersion!.id}`, WAIT);
    await page.getByRole("heading", { name: `${MONTH} 第 ${n + 1} 版` }).waitFor();
    await page.getByText("等待数据审核员审核").waitFor();
    await expect(button(page, "通过").count()).resolves.toBe(0);
    await expect(page.getByTestId("region-values").getByText("12,400", { exact: true }).isVisible()).resolves.toBe(true);
  });

  it("[DATA_REVIEWER][sheets]: reads a version, sees the difference, sends one back with a reason and accepts the other", async () => {
    expect(firstVersion && secondVersion).toBeTruthy();
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_reviewer");

    // Version n: values as stored, thousands separators, nothing rounded; missing shown as —.
    await page.goto(b.baseUrl() + `/sheets/${firstVersion!.id}`);
    await page.getByRole("heading", { name: `${MONTH} 第 ${firstVersion!.version} 版` }).waitFor(WAIT);
    const details = page.getByTestId("version-details");
    for (const shown of ["待审核", "Excel 模板", `${PERIOD}-已修改.xlsx`, "陈晓燕"]) await details.getByText(shown).first().waitFor();
    const region = page.getByTestId("region-values");
    const fi03 = region.locator("tr").filter({ hasText: "FI03" });
    await expect(fi03.innerText()).resolves.toMatch(/职工医保统筹基金收入[\s\S]*万元[\s\S]*12,304\.5/);
    await expect(region.locator("tr").filter({ hasText: "FI01" }).innerText()).resolves.toContain("3,456,789");
    await expect(region.locator("tr").filter({ hasText: "SV02" }).innerText()).resolves.toMatch(/12,000\s+8,000\s+20,000/);
    await expect(region.locator("tr").filter({ hasText: "FE01" }).innerText()).resolves.toContain("—");
    await snapshot(page, "sheets-version-region");
    await page.getByRole("tab", { name: "机构表" }).click();
    const institutions = page.getByTestId("institution-values");
    await institutions.waitFor();
    await expect(institutions.locator(".ant-table-tbody tr.ant-table-row").first().innerText()).resolves.toContain("1,500");
    await snapshot(page, "sheets-version-institutions");
    await page.getByRole("tab", { name: /校验提醒/ }).click();
    await page.getByText("本月仅试报部分指标，其余下月补报").first().waitFor();
    await snapshot(page, "sheets-version-warnings");

    // 退回 needs a reason.
    await button(page, "退回").click();
    const reject = page.getByRole("dialog", { name: `退回第 ${firstVersion!.version} 版` });
    await button(reject.locator(".ant-modal-footer"), "退回").click();
    await reject.getByText("退回时请写明原因").waitFor();
    await reject.getByLabel("审核意见").fill("FI03 职工基金收入有误，已由第二版更正");
    await button(reject.locator(".ant-modal-footer"), "退回").click();
    await page.getByText(`已退回第 ${firstVersion!.version} 版`).waitFor(WAIT);
    await page.getByTestId("version-details").getByText("已退回").first().waitFor(WAIT);

    // Version n+1: the difference against n is one cell, FI03 职工.
    await page.goto(b.baseUrl() + `/sheets/${secondVersion!.id}`);
    await page.getByRole("heading", { name: `${MONTH} 第 ${secondVersion!.version} 版` }).waitFor(WAIT);
    await page.getByRole("tab", { name: "版本比较" }).click();
    // Against version n explicitly: the default is the month's accepted version, which another test file may
    // already have made (the publications journey accepts the same month).
    await page.getByLabel("比较的版本").click();
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: `第 ${firstVersion!.version} 版` })
      .click();
    const diff = page.getByTestId("version-diff");
    const change = diff.locator(".ant-table-tbody tr").filter({ hasText: "FI03" });
    await expect(change.innerText()).resolves.toMatch(/职工[\s\S]*12,304\.5[\s\S]*12,400[\s\S]*修改[\s\S]*\+95\.5/);
    await expect(diff.locator(".ant-table-tbody tr").count()).resolves.toBe(1);
    await snapshot(page, "sheets-version-diff");

    await button(page, "通过").click();
    const accept = page.getByRole("dialog", { name: `通过第 ${secondVersion!.version} 版` });
    await button(accept.locator(".ant-modal-footer"), "通过").click();
    await page.getByText(`已通过第 ${secondVersion!.version} 版`).waitFor(WAIT);
    await page.getByTestId("version-details").getByText("已通过").first().waitFor(WAIT);
    // The dialog closes (with its own 通过) and the page re-renders without the review buttons.
    await accept.waitFor({ state: "hidden", ...WAIT });
    await expect.poll(() => button(page, "通过").count(), WAIT).toBe(0);

    await page.goto(b.baseUrl() + "/sheets");
    const monthRow = page.locator(".ant-table-tbody tr").filter({ hasText: MONTH }).first();
    await monthRow.getByText(`已通过·第 ${secondVersion!.version} 版`).waitFor(WAIT);
    await snapshot(page, "sheets-list-reviewer");
    // A reviewer uploads nothing and manages no tokens.
    await expect(page.getByText("本月填报").count()).resolves.toBe(0);
    expect((await page.goto(b.baseUrl() + "/sheets/tokens"))?.status()).toBe(404);
  });

  it("[DATA_ENTRY][sheets]: a long CSV with a wrong header is refused with the expected header", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_entry");
    await page.goto(b.baseUrl() + "/sheets");
    const file = path.join(dir, "长表-表头有误.csv");
    fs.writeFileSync(file, "\uFEFFregion,period,indicator,scheme,institution,value\r\n340100," + PERIOD + ",FI03,EMPLOYEE,,100\r\n");
    await upload(page, file);
    const errors = page.getByTestId("upload-errors");
    await errors.waitFor(WAIT);
    const text = await errors.locator(".ant-table-tbody").innerText();
    expect(text).toContain("第 1 行");
    expect(text).toContain("应为：region_code,period,indicator_code,scheme,institution_code,value");
  });

  it("[DATA_ENTRY][sheets]: an API token is shown once and can be revoked", async () => {
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_entry");
    await page.goto(b.baseUrl() + "/sheets/tokens");
    await page.getByRole("heading", { name: "API 令牌" }).waitFor();
    await button(page, "新建令牌").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用途").fill("医保信息平台每月推送");
    await button(dialog.locator(".ant-modal-footer"), "创建").click();
    await dialog.getByText("令牌只显示这一次").waitFor(WAIT);
    const token = (await dialog.getByTestId("new-token").innerText()).trim();
    expect(token).toMatch(/^ld_/);
    await snapshot(page, "sheets-token-created");
    // The token works for the API (a GET of the region's sheets), without a session.
    const api = await fetch(b.baseUrl() + "/api/v1/sheets", { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    await button(dialog.locator(".ant-modal-footer"), "我已保存，关闭").click();
    const row = page.locator(".ant-table-tbody tr").filter({ hasText: "医保信息平台每月推送" }).first();
    await row.getByText("有效").waitFor(WAIT);
    await expect(page.content()).resolves.not.toContain(token);
    await row.getByText("吊销").click();
    await button(page.locator(".ant-popover:visible"), "吊销").click();
    await row.getByText(/已吊销/).waitFor(WAIT);
    expect((await fetch(b.baseUrl() + "/api/v1/sheets", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("[HOSPITAL_VIEWER][authz]: the sheet pages answer 404 with no data", async () => {
    expect(secondVersion).toBeTruthy();
    const page = await b.newPage();
    await signInAs(page, b.baseUrl(), "hf_hospital");
    for (const url of ["/sheets", `/sheets/${secondVersion!.id}`, "/sheets/tokens"]) {
      const response = await page.goto(b.baseUrl() + url);
      expect(response?.status()).toBe(404);
      const body = await page.content();
      expect(body).toContain("页面不存在或无权访问");
      for (const secret of ["12,400", "陈晓燕", "FI03", "已修改.xlsx"]) expect(body).not.toContain(secret);
    }
    const original = await page.request.get(b.baseUrl() + `/api/sheets/versions/${secondVersion!.id}/original`);
    expect([403, 404]).toContain(original.status());
  });
});
