import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signIn, useBrowser } from "./browser";

const WAIT = { timeout: 30_000 };

/**
 * The shared upload area (components/ui/file-upload.tsx) shows how much of a file has been sent — a large
 * sheet on a slow link takes seconds. The link is slowed with Chromium's own network emulation, and every
 * text the progress line shows is recorded as it changes.
 */
describe("upload progress", () => {
  const b = useBrowser();

  it("[DATA_ENTRY][sheets]: on a slow link the upload area counts the percentage sent, then says the file is being checked", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-progress-"));
    const file = path.join(dir, "大文件.csv");
    // About 600 KB: a long CSV whose header is wrong, so the server refuses it after the upload (nothing stored).
    fs.writeFileSync(file, "region,period,value\n" + "340100,2025-03,1\n".repeat(36_000));

    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "hf_entry");
    await page.waitForURL(/\/workbench/);
    await page.goto(b.baseUrl() + "/sheets");
    await page.getByText("本月填报").first().waitFor(WAIT);
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="status"]')) {
          const text = (el.textContent ?? "").trim();
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 150 * 1024,
    });

    await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
    await page.getByRole("progressbar", { name: "上传进度" }).waitFor(WAIT);
    // The answer: the file is refused with a report (the area is free again, the progress line gone).
    await page.getByRole("progressbar", { name: "上传进度" }).waitFor({ state: "detached", timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

    const percents = seen
      .map((t) => /正在上传… (\d+)%/.exec(t)?.[1])
      .filter((p): p is string => !!p)
      .map(Number);
    expect(
      percents.some((p) => p > 0 && p < 100),
      seen.join(" | "),
    ).toBe(true);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(
      seen.some((t) => t.includes("已上传，正在逐格校验…")),
      seen.join(" | "),
    ).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
