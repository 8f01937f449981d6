import type { ThemeConfig } from "antd";

/** System CJK fonts: no web font to download (the portal runs offline). */
export const FONT_FAMILY =
  'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/**
 * The key of the CSS-variable scope. Ant Design's static stylesheet (antd/dist/antd.css) declares its
 * component variables under `.css-var-_R_0_`, the key its build's ConfigProvider got; by default ours would be
 * derived from React's useId and differ, and the components would then find no variables before hydration.
 * test/unit/antd-theme-css.test.ts fails when an Ant Design upgrade changes the key in antd.css.
 */
export const CSS_VAR_KEY = "css-var-_R_0_";

/**
 * The portal's theme: 医保 blue, system CJK fonts, a dark-blue sider. Zero runtime: Ant Design writes no
 * component styles while rendering; they come from antd/dist/antd.css, and this theme's variables from
 * app/antd-theme.css, generated from this object by `npm run theme:css` (the unit test checks it is current).
 */
export const PORTAL_THEME: ThemeConfig = {
  zeroRuntime: true,
  cssVar: { key: CSS_VAR_KEY },
  // Every text meets WCAG AA contrast, 4.5:1 (无障碍; the layout e2e runs axe on every page): secondary and
  // description text at 62 % black (6:1 on white; Ant Design's 45 % is 3.5:1), placeholders at 55 % (4.7:1;
  // 25 % is 1.8:1), links in the primary blue (Ant Design's #1677ff is 4.1:1) and red text at #cf1322 (5.6:1).
  token: {
    colorPrimary: "#1458b8",
    colorLink: "#1458b8",
    colorError: "#cf1322",
    fontFamily: FONT_FAMILY,
    borderRadius: 6,
    colorBgLayout: "#f3f5f9",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
  },
  components: { Layout: { siderBg: "#0f2f5c", headerBg: "#ffffff" }, Menu: { darkItemBg: "#0f2f5c", darkSubMenuItemBg: "#0b2447" } },
};
