import { chromium } from "playwright-core";
const base = process.argv[2] ?? "http://localhost:3100";
const users = (process.argv[3] ?? "sysadmin").split(",");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
for (const u of users) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  await page.goto(base + "/login");
  if (u === "login") { await page.screenshot({ path: `/tmp/shots/login.png` }); continue; }
  await page.getByLabel("用户名").fill(u);
  await page.getByLabel("密码").fill("Liangdi@2026");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15000 });
  await page.waitForLoadState("load"); await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${u}.png` });
  for (const extra of (process.env.EXTRA ?? "").split(",").filter(Boolean)) {
    await page.goto(base + extra); await page.waitForLoadState("load"); await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${u}${extra.replace(/\//g, "_")}.png` });
  }
  await page.close();
}
await browser.close();
