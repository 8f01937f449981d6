import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CSS_VAR_KEY } from "@/components/ui/theme";
import { portalThemeCss } from "@/scripts/antd-theme-css";

const require = createRequire(import.meta.url);

describe("static Ant Design styles", () => {
  it("app/antd-theme.css is what components/ui/theme.ts generates (run `npm run theme:css` after changing the theme)", () => {
    expect(fs.readFileSync("app/antd-theme.css", "utf8")).toBe(portalThemeCss());
  });

  it("the portal's colours are in it, and antd.css scopes its variables under the key the theme uses", () => {
    const css = fs.readFileSync("app/antd-theme.css", "utf8");
    expect(css).toContain(`.${CSS_VAR_KEY}{--ant-color-primary:#1458b8;`);
    expect(css).toContain("--ant-layout-sider-bg:#0f2f5c");
    const antd = fs.readFileSync(require.resolve("antd/dist/antd.css"), "utf8");
    expect(antd).toContain(`.${CSS_VAR_KEY}{--ant-blue:`);
    expect(antd).toContain(`.${CSS_VAR_KEY}.ant-btn{`);
  });
});
