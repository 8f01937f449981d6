import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, useBrowser } from "./browser";

/**
 * Every page of every role at a desktop (1440×900) and a phone (390×844): the document is never wider than the
 * viewport, no text is wrapped one character per line, and on the desktop the sider keeps its full width on
 * every page (it once shrank to ~90 px on /workbench). Pages are found as a user finds them: the sider's links,
 * the account pages, and the first detail link of each kind on those pages. Screenshots of each go to
 * test-results/screenshots/layout/ for people to look at. On the desktop, axe-core checks each page too
 * (无障碍): no serious or critical WCAG 2.1 A/AA finding, contrast included.
 */
const USERS = ["sysadmin", "secadmin", "auditor", "hf_entry", "hf_reviewer", "hf_publisher", "ah_supervisor", "hf_hospital"];
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const SIDER_WIDTH = 220;
const WAIT = { timeout: 30_000 };

interface Problems {
  docWidth: number;
  siderWidth: number | null;
  /** Text squeezed into a column about one character wide, over three lines or more. */
  squeezed: string[];
}

/** Measured in the page: overflow, the sider's width, and text nodes laid out one character per line. */
function measure(page: Page): Promise<Problems> {
  return page.evaluate(() => {
    const squeezed: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      const el = n.parentElement;
      if (text.length < 3 || !el || el.closest("[aria-hidden=true], .ant-drawer, .ant-select-dropdown")) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      const fontSize = parseFloat(getComputedStyle(el).fontSize);
      if (lines.length >= 3 && lines.every((r) => r.width < fontSize * 1.6)) squeezed.push(text.slice(0, 30));
    }
    const sider = document.querySelector("[data-testid=sider]");
    const siderRect = sider?.getBoundingClientRect();
    return {
      docWidth: document.documentElement.scrollWidth,
      siderWidth: siderRect && siderRect.width > 0 ? Math.round(siderRect.width) : null,
      squeezed,
    };
  });
}

/** axe-core's serious and critical WCAG 2.1 A/AA findings on the page, one line each. */
async function axeFindings(page: Page): Promise<string[]> {
  // A disabled Ant Design select (a published release's read-only layout) is an inactive control, which WCAG
  // exempts from the contrast rule; axe cannot tell, as its text sits in plain elements.
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude(".ant-select-disabled")
    .analyze();
  const path = new URL(page.url()).pathname;
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

/** The pages a user reaches: sider links, account pages, and one detail link of each kind found on them. */
async function pagesOf(page: Page, base: string): Promise<string[]> {
  const hrefs = async () =>
    (await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).filter(
      (h) => h && !h.startsWith("/api/"),
    );
  // The brand's link to "/" only redirects to the role's home page.
  const nav = (
    await page.locator("[data-testid=sider] a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
  ).filter((h) => h !== "/");
  const pages = new Set<string>([...nav, "/account/password", "/account/security"]);
  const kinds = new Set([...pages].map((p) => p.split("?")[0]));
  for (const p of [...pages]) {
    await page.goto(base + p);
    for (const h of await hrefs()) {
      const kind = h.split("?")[0].replace(/\/[^/]*\d[^/]*/g, "/[id]");
      if (h !== "/" && !kinds.has(kind) && !kinds.has(h.split("?")[0])) {
        kinds.add(kind);
        pages.add(h);
      }
    }
  }
  return [...pages];
}

describe("layout", () => {
  const b = useBrowser();
  const found: Record<string, string[]> = {};

  for (const vp of VIEWPORTS)
    for (const user of USERS)
      it(`[${user}][layout]: every page fits a ${vp.width}×${vp.height} ${vp.name} screen${vp.name === "desktop" ? " with the full-width sider, and passes axe" : ""}`, async () => {
        const page = await b.newPage({ width: vp.width, height: vp.height });
        await signIn(page, b.baseUrl(), user);
        await page.waitForURL((u) => !u.pathname.startsWith("/login"), WAIT);
        found[user] ??= await pagesOf(page, b.baseUrl());
        const problems: string[] = [];
        for (const p of found[user]) {
          await page.goto(b.baseUrl() + p);
          await page.waitForLoadState("load");
          await page.waitForTimeout(200);
          const m = await measure(page);
          if (m.docWidth > vp.width) problems.push(`${p}: document ${m.docWidth} px wide`);
          if (m.squeezed.length) problems.push(`${p}: one character per line: ${m.squeezed.join(" | ")}`);
          if (vp.name === "desktop" && m.siderWidth !== SIDER_WIDTH) problems.push(`${p}: sider ${m.siderWidth} px, not ${SIDER_WIDTH}`);
          if (vp.name === "phone" && m.siderWidth !== null) problems.push(`${p}: the sider shows on a phone`);
          if (vp.name === "desktop") problems.push(...(await axeFindings(page)));
          fs.mkdirSync("test-results/screenshots/layout", { recursive: true });
          await page.screenshot({
            path: `test-results/screenshots/layout/${vp.name}-${user}${p.replace(/[/?=&]/g, "_")}.png`,
            fullPage: vp.name === "phone",
          });
        }
        expect(found[user].length).toBeGreaterThan(2);
        expect(problems, problems.join("\n")).toEqual([]);
        await page.context().close();
      }, 300_000);

  it("[hf_entry][layout]: on a phone the navigation opens as a drawer from the header's menu button", async () => {
    const page = await b.newPage({ width: 390, height: 844 });
    await signIn(page, b.baseUrl(), "hf_entry");
    await page.waitForURL(/\/workbench/, WAIT);
    await page.getByTestId("nav-toggle").click();
    const drawer = page.getByTestId("nav-drawer");
    await drawer.getByText("安徽省 · 合肥市").waitFor(WAIT);
    await drawer.getByRole("link", { name: "指标目录" }).click();
    await page.waitForURL(/\/catalogue/, WAIT);
    await drawer.waitFor({ state: "detached", ...WAIT });
    await page.context().close();
  });

  it("[hf_reviewer][layout]: a slow page shows a progress bar from the click until it arrives", async () => {
    const page = await b.newPage({ width: 1440, height: 900 });
    await signIn(page, b.baseUrl(), "hf_reviewer");
    await page.waitForURL(/\/workbench/, WAIT);
    // The page's server answer (its RSC request) is held back for two seconds.
    await page.route(/\/catalogue(\?|$)/, async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    });
    await page.getByTestId("sider").getByRole("link", { name: "指标目录" }).click();
    await page.getByTestId("nav-pending").waitFor({ state: "visible", timeout: 1500 });
    await page.waitForURL(/\/catalogue/, WAIT);
    await page.getByTestId("nav-pending").waitFor({ state: "detached", ...WAIT });
    await page.context().close();
  });

  it("[hf_entry][a11y]: signs in and opens a page with the keyboard alone, the focus always visible", async () => {
    const page = await b.newPage({ width: 1440, height: 900 });
    await page.goto(b.baseUrl() + "/login");
    /** Tabs until the focused element matches, checking on the way that every focused element shows a ring. */
    const tabTo = async (matches: (el: { tag: string; text: string; label: string }) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const el = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          // A ring is an outline or a box shadow on the element or on its Ant Design wrapper (inputs).
          const wrapper = a.closest(".ant-input-affix-wrapper, .ant-input-outlined") as HTMLElement | null;
          const ring = (e: HTMLElement) => getComputedStyle(e).outlineStyle !== "none" || getComputedStyle(e).boxShadow !== "none";
          return {
            tag: a.tagName,
            text: a.textContent?.trim() ?? "",
            label: a.getAttribute("aria-label") ?? a.id,
            visible: ring(a) || (!!wrapper && ring(wrapper)),
          };
        });
        expect(el.visible, `focus ring on ${el.tag} ${el.label || el.text}`).toBe(true);
        if (matches(el)) return;
      }
      throw new Error("not reached by Tab");
    };
    // The user name field has the focus on arrival (autoFocus), so typing starts there.
    await page.waitForFunction(() => document.activeElement?.id.includes("username"), null, WAIT);
    await page.keyboard.type("hf_entry");
    await tabTo((el) => el.label.includes("password"));
    await page.keyboard.type("Liangdi@2026");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/workbench/, WAIT);
    await tabTo((el) => el.tag === "A" && el.text === "指标目录");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/catalogue/, WAIT);
    await page.context().close();
  });

  it("[ANON][layout]: the login page fits a phone and passes axe", async () => {
    const page = await b.newPage({ width: 390, height: 844 });
    await page.goto(b.baseUrl() + "/login");
    const m = await measure(page);
    expect(m.docWidth).toBeLessThanOrEqual(390);
    expect(m.squeezed).toEqual([]);
    expect(await axeFindings(page)).toEqual([]);
    await page.context().close();
  });
});
