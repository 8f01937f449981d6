import type { NextConfig } from "next";
import { PROXY_BODY_LIMIT } from "./app/_server/http/body-limit";
import { STATIC_SECURITY_HEADERS } from "./app/_server/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native, WASM or file-loading packages stay in node_modules rather than in the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "exceljs"],
  typescript: { tsconfigPath: "tsconfig.json" },
  // proxy.ts sees every request: without this, bodies past 10 MB reached the upload routes cut short (body-limit.ts).
  experimental: { proxyClientMaxBodySize: PROXY_BODY_LIMIT },
  // Fixed headers on every response, static files included and with or without proxy.ts (which adds the
  // per-request CSP, HSTS and no-store).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
