import type { Metadata } from "next";
import { headers } from "next/headers";
import { APP_FULL_NAME, BRAND_MARK } from "./_domain/messages";
import { AppProviders } from "@/components/ui/app-providers";
// Static, cacheable styles: Ant Design's components, the portal theme's variables, then the portal's own.
import "antd/dist/antd.css";
import "./antd-theme.css";
import "./globals.css";

/** The 亮底 mark (public/brand/) is the favicon and the app icon; public/ files bypass proxy.ts (see its matcher). */
export const metadata: Metadata = {
  title: { default: APP_FULL_NAME, template: `%s · 亮底` },
  robots: { index: false },
  icons: { icon: { url: BRAND_MARK, type: "image/svg+xml" }, apple: BRAND_MARK },
};

/** The per-request nonce proxy.ts put into the request's CSP (absent when the proxy is switched off). */
async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = await cspNonce();
  return (
    <html lang="zh-CN">
      <body>
        <AppProviders nonce={nonce}>{children}</AppProviders>
      </body>
    </html>
  );
}
