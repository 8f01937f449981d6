import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./app/_server/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native, WASM or file-loading packages stay in node_modules rather than in the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "exceljs"],
  typescript: { tsconfigPath: "tsconfig.json" },
  // Fixed headers on every response, static files included and with or without proxy.ts (which adds the
  // per-request CSP, HSTS and no-store).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
