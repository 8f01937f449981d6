import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { signIn, snapshot, useBrowser } from "./browser";

/**
 * What a system administrator relies on, through the real screens: creating a hospital account that then
 * works (forced password change included), the 三员分立 rule in the form, disabling an account (its open
 * session dies at once), and the institution import that refuses a bad file row by row.
 */

const INITIAL_PASSWORD = "Chushi#2026a"; // ≥ 10 characters, 4 classes
const NEW_PASSWORD = "Xinmima@2026b";
const HEFEI_INSTITUTION = "合肥市第三人民医院";
const WAIT = { timeout: 20_000 };

/** A fresh, valid username per call (lower-case letter first, [a-z0-9_], ≤ 32), so tests never collide. */
function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Ant Design buttons put a space between two Chinese characters (“保 存”); an icon adds its name in front. */
const button = (scope: Page | Locator, text: string) =>
  scope.getByRole("button", { name: new RegExp(`(^|\\s)${[...text].join("\\s*")}$`) });

/**
 * Picks `option` in an Ant Design select as a keyboard user does: types `search` into it, waits until the
 * list shows that one option, presses Enter, and waits for the field to show it. (Clicking an option while
 * the list is still filtering or animating open was lost now and then.)
 */
async function choose(page: Page, field: Locator, option: string, search: string) {
  await field.click();
  await field.fill(search);
  const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
  await expect
    .poll(async () => (await options.allInnerTexts()).map((t) => t.trim()))
    .toEqual([expect.stringMatching(new RegExp(`^${escapeRegExp(option)}`))]);
  await field.press("Enter");
  const select = field.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  await select.filter({ hasText: option }).waitFor();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A multiple select keeps its list open after a pick; Esc closes the list (not the modal). Tab would pick again. */
async function leave(page: Page, field: Locator) {
  await field.press("Escape");
  await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
}

/** The buttons under a modal (not the × in its corner, which is also named 关闭). */
const footerButton = (dialog: Locator, text: string) => button(dialog.locator(".ant-modal-footer"), text);

/** What an Ant Design table shows when nothing matches. */
const emptyTable = (page: Page) => page.locator(".ant-table-tbody .ant-empty-description", { hasText: "暂无数据" });

async function signInAsAdmin(page: Page, baseUrl: string) {
  await signIn(page, baseUrl, "sysadmin");
  await page.waitForURL((u) => u.pathname === "/admin", WAIT);
}

async function openUsers(page: Page, baseUrl: string) {
  await page.goto(baseUrl + "/admin/users");
  await page.getByRole("heading", { name: "用户管理" }).waitFor();
}

async function searchTable(page: Page, placeholder: string, text: string) {
  const box = page.getByPlaceholder(placeholder);
  await box.fill(text);
  await box.press("Enter");
}

/** The table row that shows `text` (a username or an institution name). */
const rowOf = (page: Page, text: string) => page.locator(".ant-table-tbody").getByRole("row").filter({ hasText: text });

interface NewUser {
  username: string;
  displayName: string;
}

/** Fills the 新增用户 modal for a 医疗机构用户 of a 合肥市 institution; returns the open dialog (not yet saved). */
async function fillHospitalUser(page: Page, u: NewUser): Promise<Locator> {
  await button(page, "新增用户").click();
  const dialog = page.getByRole("dialog", { name: "新增用户" });
  await dialog.waitFor();
  await dialog.getByLabel("用户名", { exact: true }).fill(u.username);
  await dialog.getByLabel("姓名", { exact: true }).fill(u.displayName);
  const roles = dialog.getByLabel("角色", { exact: true });
  await choose(page, roles, "医疗机构用户", "医疗机构用户");
  await leave(page, roles);
  await choose(page, dialog.getByLabel("统筹区（筛选）"), "合肥市（340100）", "合肥市");
  await choose(page, dialog.getByLabel("所属医疗机构", { exact: true }), HEFEI_INSTITUTION, HEFEI_INSTITUTION);
  await dialog.getByLabel("初始密码", { exact: true }).fill(INITIAL_PASSWORD);
  await dialog.getByLabel("确认初始密码", { exact: true }).fill(INITIAL_PASSWORD);
  return dialog;
}

async function createHospitalUser(page: Page, u: NewUser) {
  const dialog = await fillHospitalUser(page, u);
  await footerButton(dialog, "保存").click();
  await page.getByText("已新增用户，首次登录须修改初始密码").waitFor();
  await dialog.waitFor({ state: "hidden" });
}

/** On /change-password: the form that a user whose password was set by an administrator must get through. */
async function changeForcedPassword(page: Page, current: string, next: string) {
  await page.getByLabel("当前密码", { exact: true }).fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码", { exact: true }).fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
}

/** Signs a new hospital user in for the first time and takes them through the forced change to /inbox. */
async function firstSignIn(page: Page, baseUrl: string, username: string) {
  await signIn(page, baseUrl, username, INITIAL_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/change-password", WAIT);
  await changeForcedPassword(page, INITIAL_PASSWORD, NEW_PASSWORD);
  await page.getByText("密码已修改").waitFor();
  await page.waitForURL((u) => u.pathname === "/login", WAIT);
  await signIn(page, baseUrl, username, NEW_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/inbox", WAIT);
}

describe("system administrator", () => {
  const b = useBrowser();

  // Several sign-ins (argon2) and a full page flow: more than the default 60 s on a busy 2-core machine.
  const JOURNEY = { timeout: 120_000 };

  it(
    "[SYSTEM_ADMIN][users]: creates a hospital user who then changes the initial password and sees their institution",
    JOURNEY,
    async () => {
      const admin = await b.newPage();
      await signInAsAdmin(admin, b.baseUrl());
      await openUsers(admin, b.baseUrl());
      const u = { username: uniqueName("hosp"), displayName: "测试周医生" };

      const dialog = await fillHospitalUser(admin, u);
      await snapshot(admin, "admin-user-modal");
      await footerButton(dialog, "保存").click();
      await admin.getByText("已新增用户，首次登录须修改初始密码").waitFor();
      await dialog.waitFor({ state: "hidden" });

      // The new account is in the list with its role, its institution, and the pending password change.
      await searchTable(admin, "按用户名或姓名搜索", u.username);
      const row = rowOf(admin, u.username);
      await row.waitFor();
      const text = await row.innerText();
      for (const shown of [u.displayName, "医疗机构用户", HEFEI_INSTITUTION, "正常", "待改密", "从未登录"]) expect(text).toContain(shown);

      // The new user, on another browser: sent to the forced password change first.
      const user = await b.newPage();
      await signIn(user, b.baseUrl(), u.username, INITIAL_PASSWORD);
      await user.waitForURL((url) => url.pathname === "/change-password", WAIT);
      await user.getByRole("heading", { name: `${u.displayName}，请先修改密码` }).waitFor();
      await snapshot(user, "change-password-forced");
      // Any portal page sends them back here until the password is changed.
      await user.goto(b.baseUrl() + "/inbox");
      await user.waitForURL((url) => url.pathname === "/change-password", WAIT);

      // A password outside the policy is refused with the reason.
      await changeForcedPassword(user, INITIAL_PASSWORD, "abcdefghijk");
      await user.getByRole("alert").filter({ hasText: "密码须包含小写字母、大写字母、数字、特殊符号中的至少 3 类" }).waitFor();
      expect(new URL(user.url()).pathname).toBe("/change-password");

      await changeForcedPassword(user, INITIAL_PASSWORD, NEW_PASSWORD);
      await user.getByText("密码已修改").waitFor();
      await user.waitForURL((url) => url.pathname === "/login", WAIT);

      // The initial password no longer works; the new one does, and the user lands on their institution's page.
      await signIn(user, b.baseUrl(), u.username, INITIAL_PASSWORD);
      await user.getByRole("alert").filter({ hasText: "用户名或密码错误" }).waitFor(WAIT);
      await signIn(user, b.baseUrl(), u.username, NEW_PASSWORD);
      await user.waitForURL((url) => url.pathname === "/inbox", WAIT);
      await expect(user.getByRole("heading", { level: 3 }).first().textContent()).resolves.toBe(HEFEI_INSTITUTION);
      await expect(user.getByText("合肥市（340100）").isVisible()).resolves.toBe(true);

      // And the administrator sees the pending change gone and a last sign-in time.
      await admin.reload();
      await searchTable(admin, "按用户名或姓名搜索", u.username);
      await row.waitFor();
      const after = await row.innerText();
      expect(after).not.toContain("待改密");
      expect(after).not.toContain("从未登录");
    },
  );

  it("[SYSTEM_ADMIN][users]: 系统管理员 plus 审计管理员 is refused in the form (三员分立) and creates nothing", async () => {
    const admin = await b.newPage();
    await signInAsAdmin(admin, b.baseUrl());
    await openUsers(admin, b.baseUrl());
    const username = uniqueName("dual");

    await button(admin, "新增用户").click();
    const dialog = admin.getByRole("dialog", { name: "新增用户" });
    await dialog.getByLabel("用户名", { exact: true }).fill(username);
    await dialog.getByLabel("姓名", { exact: true }).fill("兼任测试");
    const roles = dialog.getByLabel("角色", { exact: true });
    await choose(admin, roles, "系统管理员", "系统管理员");
    await choose(admin, roles, "审计管理员", "审计管理员");
    await leave(admin, roles);
    await dialog.getByLabel("初始密码", { exact: true }).fill(INITIAL_PASSWORD);
    await dialog.getByLabel("确认初始密码", { exact: true }).fill(INITIAL_PASSWORD);

    const rule = "三员分立：系统管理员、安全管理员、审计管理员互斥，且不能与其他角色兼任。";
    await dialog.locator(".ant-form-item-explain-error").filter({ hasText: rule }).waitFor();
    await snapshot(admin, "admin-user-modal-three-admins");
    await footerButton(dialog, "保存").click();
    // Still open, still saying why; nothing was saved.
    await expect(dialog.getByText(rule).isVisible()).resolves.toBe(true);
    await expect(admin.getByText("已新增用户").count()).resolves.toBe(0);
    await footerButton(dialog, "取消").click();
    await dialog.waitFor({ state: "hidden" });

    await admin.reload();
    await searchTable(admin, "按用户名或姓名搜索", username);
    await emptyTable(admin).waitFor();
    await expect(rowOf(admin, username).count()).resolves.toBe(0);
  });

  it("[SYSTEM_ADMIN][users]: disabling a user ends their open session and stops them signing in", JOURNEY, async () => {
    const admin = await b.newPage();
    await signInAsAdmin(admin, b.baseUrl());
    await openUsers(admin, b.baseUrl());
    const u = { username: uniqueName("stop"), displayName: "停用测试" };
    await createHospitalUser(admin, u);

    // The user is signed in and working on another browser.
    const user = await b.newPage();
    await firstSignIn(user, b.baseUrl(), u.username);
    await user.getByRole("heading", { name: HEFEI_INSTITUTION }).waitFor();

    await searchTable(admin, "按用户名或姓名搜索", u.username);
    const row = rowOf(admin, u.username);
    await row.getByText("停用", { exact: true }).click();
    const confirm = admin.locator(".ant-popover:visible");
    await confirm.getByText(`停用账号 ${u.username}？`).waitFor();
    await button(confirm, "停用").click();
    await admin.getByText(`已停用 ${u.displayName}，其登录已全部失效`).waitFor();
    await row.getByText("已停用", { exact: true }).waitFor();

    // The open session is dead: the next page load goes to the login page.
    await user.reload();
    await user.waitForURL((url) => url.pathname === "/login", WAIT);
    await user.goto(b.baseUrl() + "/inbox");
    await user.waitForURL((url) => url.pathname === "/login", WAIT);

    // And signing in again gets the same message as a wrong password (no hint that the account exists).
    await signIn(user, b.baseUrl(), u.username, NEW_PASSWORD);
    await user.getByRole("alert").filter({ hasText: "用户名或密码错误，请重新输入。" }).waitFor(WAIT);
    expect(new URL(user.url()).pathname).toBe("/login");
  });

  describe("institution import", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-e2e-import-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const HEADER = "机构编码,机构名称,统筹区编码,医院等级,机构类别,所在区县,床位数,定点起始日期,是否有效";
    /** A UTF-8 CSV with a BOM, as Excel saves it. */
    function csv(name: string, rows: string[]) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, "\uFEFF" + [HEADER, ...rows].join("\r\n") + "\r\n");
      return file;
    }

    async function institutionTotal(page: Page): Promise<number> {
      const text = await page.getByText(/^共 \d+ 家$/).textContent();
      return Number(/\d+/.exec(text ?? "")![0]);
    }

    it("[SYSTEM_ADMIN][institutions]: a file with two bad rows is refused row by row; the corrected file is imported", async () => {
      const admin = await b.newPage();
      await signInAsAdmin(admin, b.baseUrl());
      await admin.goto(b.baseUrl() + "/admin/institutions");
      await admin.getByRole("heading", { name: "医疗机构管理" }).waitFor();
      const before = await institutionTotal(admin);

      // Codes and names unique to this run: H + 340100 + 9xxxx (the demo data uses 000xx).
      const serial = 90000 + Math.floor(Math.random() * 9000);
      const code = (k: number) => `H340100${serial + k}`;
      const tag = Date.now().toString(36).slice(-4).toUpperCase();
      const names = [`合肥滨湖康复医院${tag}`, `合肥新站社区卫生服务中心${tag}`, `合肥高新眼科医院${tag}`];
      const good = `${code(0)},${names[0]},340100,二级,综合,包河区,320,2019-07-01,是`;

      const bad = csv("机构导入-有误.csv", [
        good,
        `H34010,${names[1]},340100,一级,基层,瑶海区,60,,是`,
        `${code(2)},${names[2]},340100,特级,专科,蜀山区,80,2021-03-15,是`,
      ]);
      await button(admin, "批量导入").click();
      const dialog = admin.getByRole("dialog", { name: "批量导入医疗机构" });
      await dialog.locator('input[type="file"]').setInputFiles(bad);
      await dialog.getByText("“机构导入-有误.csv”有 2 处问题，未导入任何数据。请修改后重新上传。").waitFor(WAIT);
      const issues = dialog.locator(".ant-table-tbody").getByRole("row");
      await expect(issues.count()).resolves.toBe(2);
      await expect(issues.nth(0).innerText()).resolves.toMatch(/^3\s+机构编码\s+“H34010”不是有效的机构编码（应为 H 加 11 位数字）$/);
      await expect(issues.nth(1).innerText()).resolves.toMatch(
        /^4\s+医院等级\s+无法识别的医院等级“特级”（可填 三级\/二级\/一级\/未定级）$/,
      );
      await snapshot(admin, "admin-import-issues");
      await footerButton(dialog, "关闭").click();
      await dialog.waitFor({ state: "hidden" });

      // Nothing was written, not even the good row.
      await admin.reload();
      await admin.getByRole("heading", { name: "医疗机构管理" }).waitFor();
      await expect(institutionTotal(admin)).resolves.toBe(before);
      await searchTable(admin, "按名称或编码搜索", names[0]);
      await emptyTable(admin).waitFor();

      const fixed = csv("机构导入-已修改.csv", [
        good,
        `${code(1)},${names[1]},340100,一级,基层,瑶海区,60,,是`,
        `${code(2)},${names[2]},340100,三级,专科,蜀山区,80,2021-03-15,是`,
      ]);
      await button(admin, "批量导入").click();
      await dialog.locator('input[type="file"]').setInputFiles(fixed);
      await dialog.getByText("“机构导入-已修改.csv”导入完成：新增 3 家，更新 0 家。").waitFor(WAIT);
      await expect(dialog.locator(".ant-table").count()).resolves.toBe(0);
      await footerButton(dialog, "关闭").click();
      await dialog.waitFor({ state: "hidden" });

      // The list refreshes by itself: three more, and the new one can be found by name.
      await searchTable(admin, "按名称或编码搜索", "");
      await admin.getByText(`共 ${before + 3} 家`).waitFor(WAIT);
      await searchTable(admin, "按名称或编码搜索", names[2]);
      const row = rowOf(admin, names[2]);
      await row.waitFor();
      const cells = (await row.getByRole("cell").allInnerTexts()).map((c) => c.trim());
      expect(cells.slice(0, 8)).toEqual([code(2), names[2], "合肥市", "三级", "专科", "蜀山区", "80", "定点"]);
      await expect(admin.locator(".ant-table-tbody").getByRole("row").count()).resolves.toBe(1);
    });
  });
});
