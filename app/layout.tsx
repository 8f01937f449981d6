import type { Metadata } from "next";
import { APP_FULL_NAME, BRAND_MARK } from "./_domain/messages";
import "./globals.css";

/** The 亮底 mark (public/brand/) is the favicon and the app icon; public/ files bypass proxy.ts (see its matcher). */
export const metadata: Metadata = {
  title: { default: APP_FULL_NAME, template: `%s · 亮底` },
  robots: { index: false },
  icons: { icon: { url: BRAND_MARK, type: "image/svg+xml" }, apple: BRAND_MARK },
};

/** The document. Ant Design comes with the layouts that use it (components/ui/antd-root.tsx), not here. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
