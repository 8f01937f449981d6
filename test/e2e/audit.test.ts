import { describe, expect, it } from "vitest";
import { signIn, useBrowser } from "./browser";

/**
 * The audit log is paged on the server (the log only grows): a page holds the 20 newest events of the filter,
 * the pager asks the server for the next page and keeps the filter in the address.
 */

const WAIT = { timeout: 30_000 };

describe("audit log page", () => {
  const b = useBrowser();

  it("[AUDIT_ADMIN][audit]: shows 20 events a page, newest first, and the pager fetches the next page with the filter kept", async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl(), "auditor");
    await page.waitForURL((u) => u.pathname === "/audit", WAIT);
    // Each reading of the log is itself audited (audit.query): 30 readings make more than a page of them.
    for (let k = 0; k < 30; k++) expect((await page.request.get(`${b.baseUrl()}/audit`)).status()).toBe(200);
    await page.goto(`${b.baseUrl()}/audit?action=audit.query`);
    await page.getByText(/符合条件的记录共 \d+ 条（截至本次查询），每页 20 条/).waitFor(WAIT);
    const ids = async () => page.locator("tbody tr.ant-table-row td:nth-child(2)").allTextContents();
    const first = (await ids()).map(Number);
    expect(first).toHaveLength(20);
    expect(first).toEqual([...first].sort((a, b) => b - a));

    await page.locator(".ant-pagination-item-2").click();
    await page.waitForURL(
      (u) => u.searchParams.get("page") === "2" && u.searchParams.get("action") === "audit.query" && u.searchParams.has("upTo"),
      WAIT,
    );
    await page.locator(".ant-pagination-item-2.ant-pagination-item-active").waitFor(WAIT);
    const second = (await ids()).map(Number);
    expect(second.length).toBeGreaterThan(0);
    expect(second[0]).toBeLessThan(first.at(-1)!);
    await page.context().close();
  }, 120_000);
});
