import { AntdRegistry } from "@ant-design/nextjs-registry";
import type { Metadata } from "next";
import { APP_FULL_NAME } from "./_domain/messages";
import { AppProviders } from "@/components/ui/app-providers";
import "./globals.css";

export const metadata: Metadata = { title: { default: APP_FULL_NAME, template: `%s · 亮底` }, robots: { index: false } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <AntdRegistry>
          <AppProviders>{children}</AppProviders>
        </AntdRegistry>
      </body>
    </html>
  );
}
