"use client";

import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import "dayjs/locale/zh-cn";
import dayjs from "dayjs";

dayjs.locale("zh-cn");

const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** Ant Design in Chinese (styles it injects carry the CSP nonce), with the portal's blue (医保 blue) and system CJK fonts. */
export function AppProviders({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      csp={nonce ? { nonce } : undefined}
      theme={{
        token: { colorPrimary: "#1458b8", fontFamily: FONT, borderRadius: 6, colorBgLayout: "#f3f5f9" },
        components: { Layout: { siderBg: "#0f2f5c", headerBg: "#ffffff" }, Menu: { darkItemBg: "#0f2f5c", darkSubMenuItemBg: "#0b2447" } },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
