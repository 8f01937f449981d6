import { describe, expect, it } from "vitest";
import { signIn, useBrowser } from "./browser";

const MARK = "/brand/liangdi-mark.svg";

/** Whether every <img> showing the mark has loaded (a missing file or a proxy redirect leaves naturalWidth 0). */
const markLoaded = (mark: string) =>
  [...document.querySelectorAll<HTMLImageElement>(`img[src="${mark}"]`)].map((i) => i.complete && i.naturalWidth > 0);

describe("the 亮底 mark", () => {
  const b = useBrowser();

  it("[ANON][brand]: the mark is served to a visitor without a session, as SVG, and is the page's icon", async () => {
    const res = await fetch(b.baseUrl() + MARK, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toContain('aria-label="亮底"');

    const page = await b.newPage();
    await page.goto(b.baseUrl() + "/login");
    expect(await page.locator('link[rel="icon"]').getAttribute("href")).toBe(MARK);
    expect(await page.evaluate(markLoaded, MARK)).toEqual([true]);
  });

  it("[DATA_ENTRY][brand]: the sider shows the mark beside the name", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "hf_entry");
    await page.waitForURL(/\/workbench/);
    await page.getByTestId("sider").getByText("亮底", { exact: true }).waitFor();
    expect(
      await page
        .getByTestId("sider")
        .evaluate(
          (sider, mark) => [...sider.querySelectorAll<HTMLImageElement>(`img[src="${mark}"]`)].map((i) => i.naturalWidth > 0),
          MARK,
        ),
    ).toEqual([true]);
  });
});
