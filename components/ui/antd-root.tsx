import { headers } from "next/headers";
import { AppProviders } from "./app-providers";
// Static, cacheable styles: Ant Design's components, the portal theme's variables, then the portal's overrides.
import "antd/dist/antd.css";
import "@/app/antd-theme.css";
import "./antd-overrides.css";

/** The per-request nonce proxy.ts put into the request's CSP (absent when the proxy is switched off). */
async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
}

/**
 * Ant Design for the pages under a layout that uses it: its provider, styles and theme. The hospital's pages
 * (the inbox and the dashboards) are plain server-rendered HTML and do without it: no Ant Design JavaScript or
 * stylesheet on a phone opening a publication.
 */
export async function AntdRoot({ children }: { children: React.ReactNode }) {
  return <AppProviders nonce={await cspNonce()}>{children}</AppProviders>;
}
