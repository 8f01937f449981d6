import { generate } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, snapshot, useBrowser } from "./browser";

/**
 * The sign-in controls through the real screens (docs/security-requirements.md T10–T12): binding an authenticator
 * and signing in with the code step, a recovery code, the security admin resetting MFA (which forces
 * re-binding, not a bypass), and a lockout that the security admin lifts. Uses secondary demo accounts that
 * no other journey signs in with.
 */
const WAIT = { timeout: 20_000 };
const SIGN_IN_REFUSED = "用户名或密码错误，请重新输入。";

async function codeStep(page: Page, code: string) {
  await page.getByLabel(/动态验证码|恢复码/).fill(code);
  await page.getByRole("button", { name: /^验\s*证$/ }).click();
}

async function signOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/, WAIT);
}

async function asSecurityAdmin(b: ReturnType<typeof useBrowser>, username: string) {
  const page = await b.newPage();
  await signIn(page, b.baseUrl(), "secadmin");
  await page.waitForURL((u) => u.pathname === "/security", WAIT);
  await page.getByPlaceholder("用户名或姓名").fill(username);
  await page.getByPlaceholder("用户名或姓名").press("Enter");
  const row = page.locator("tr", { hasText: username });
  await row.waitFor(WAIT);
  return { page, row };
}

describe("sign-in security", () => {
  const b = useBrowser();

  it("[DATA_REVIEWER][auth]: binds an authenticator, then signs in with a code or a recovery code; the security admin's reset forces binding again", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "wh_reviewer");
    await page.waitForURL(/\/workbench/, WAIT);
    await page.goto(b.baseUrl() + "/account/security");
    const secret = (await page.getByTestId("mfa-secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await snapshot(page, "account-security-enrol");
    await page.getByLabel("身份验证器显示的 6 位数字").fill(await generate({ secret }));
    await page.getByRole("button", { name: /确认绑定/ }).click();
    const codes = page.getByTestId("recovery-codes");
    await codes.waitFor(WAIT);
    const recovery = (await codes.locator("code").allInnerTexts()).map((t) => t.trim());
    expect(recovery).toHaveLength(10);
    await snapshot(page, "account-security-recovery-codes");
    await page.getByText("我已保存恢复码").click();
    await page.getByRole("button", { name: /完\s*成/ }).click();
    await page.getByText("已启用").first().waitFor(WAIT);
    await signOut(page);

    // The password alone leads to the code step; a wrong code is refused; the next time step's code works
    // (the one used to bind is spent).
    await signIn(page, b.baseUrl(), "wh_reviewer");
    await page.getByText("输入“亮底”账号").waitFor(WAIT);
    await snapshot(page, "login-code-step");
    await codeStep(page, "000000");
    await page.getByRole("alert").filter({ hasText: "动态验证码错误" }).waitFor(WAIT);
    await codeStep(page, await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.waitForURL(/\/workbench/, WAIT);
    await signOut(page);

    // A recovery code works once.
    await signIn(page, b.baseUrl(), "wh_reviewer");
    await page.getByText("手机不在身边？使用恢复码").click();
    await codeStep(page, recovery[0]);
    await page.waitForURL(/\/workbench/, WAIT);
    await signOut(page);
    await signIn(page, b.baseUrl(), "wh_reviewer");
    await page.getByText("手机不在身边？使用恢复码").click();
    await codeStep(page, recovery[0]);
    await page.getByRole("alert").filter({ hasText: "恢复码错误或已使用过" }).waitFor(WAIT);

    // The security admin resets the MFA (a lost phone): the next sign-in must bind again.
    const admin = await asSecurityAdmin(b, "wh_reviewer");
    await admin.row.getByText("已启用").waitFor(WAIT);
    await admin.row.getByRole("button", { name: "重置双因素" }).click();
    await admin.page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /重\s*置/ })
      .click();
    await admin.page.getByText("已重置").waitFor(WAIT);
    await admin.row.getByText("待绑定").waitFor(WAIT);
    await admin.page.close();

    const again = await b.newPage();
    await signIn(again, b.baseUrl(), "wh_reviewer");
    await again.waitForURL(/\/mfa-setup/, WAIT);
    await again.getByText("请绑定身份验证器").waitFor(WAIT);
    await snapshot(again, "mfa-setup-forced");
    await again.goto(b.baseUrl() + "/workbench");
    await again.waitForURL(/\/mfa-setup/, WAIT); // nothing else opens until bound
  });

  it("[SECURITY_ADMIN][auth]: five wrong passwords lock an account (the right one is refused with the same message) until the security admin unlocks it", async () => {
    const page = await b.newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, b.baseUrl(), "ss_entry", `Wrong#pass${i}`);
      await page.getByRole("alert").filter({ hasText: SIGN_IN_REFUSED }).waitFor(WAIT);
    }
    await signIn(page, b.baseUrl(), "ss_entry", DEMO_PASSWORD);
    await page.getByRole("alert").filter({ hasText: SIGN_IN_REFUSED }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe("/login");
    await snapshot(page, "login-locked");

    const admin = await asSecurityAdmin(b, "ss_entry");
    await admin.row.getByTestId("locked-ss_entry").waitFor(WAIT);
    await snapshot(admin.page, "security-accounts-locked");
    await admin.row.getByRole("button", { name: /解\s*锁/ }).click();
    await admin.page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /解\s*锁/ })
      .click();
    await admin.page.getByText("已解锁").waitFor(WAIT);

    await signIn(page, b.baseUrl(), "ss_entry", DEMO_PASSWORD);
    await page.waitForURL(/\/workbench/, WAIT);
  });
});
