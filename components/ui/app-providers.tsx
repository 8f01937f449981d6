"use client";

import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import "dayjs/locale/zh-cn";
import dayjs from "dayjs";
import { installStyleNonceShim } from "./style-nonce-shim";
import { PORTAL_THEME } from "./theme";

dayjs.locale("zh-cn");
installStyleNonceShim();

/**
 * Ant Design in Chinese with the portal's theme (components/ui/theme.ts). Component styles are static files
 * (zero runtime); the few <style> elements Ant Design still writes in the browser (the theme's variables,
 * the scroll lock of modals and drawers) carry the CSP nonce.
 */
export function AppProviders({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} csp={nonce ? { nonce } : undefined} theme={PORTAL_THEME}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
