import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageError } from "@/components/shell/page-error";
import { RequestIdProvider } from "@/components/shell/request-id";

/** The portal's error page (app/(portal)/error.tsx): Chinese, with the references, never the error's text. */
describe("the page error", () => {
  const render = (id: string | null, digest?: string) =>
    renderToString(
      createElement(RequestIdProvider, {
        id,
        children: createElement(PageError, {
          error: Object.assign(new Error('relation "SheetValue" does not exist'), { digest }),
          reset: () => {},
        }),
      }),
    );

  it("shows the request id and the digest for the administrator, and a retry", () => {
    const html = render("7f3c2a1e-request", "1234567890");
    expect(html).toContain("页面加载失败");
    expect(html).toContain("7f3c2a1e-request");
    expect(html).toContain("1234567890");
    expect(html).toContain("重试");
    expect(html).not.toContain("SheetValue");
  });

  it("leaves out a reference it does not have", () => {
    const html = render(null);
    expect(html).not.toContain("请求编号");
    expect(html).not.toContain("错误摘要");
  });
});
