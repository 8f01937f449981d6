import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native, WASM or file-loading packages stay in node_modules rather than in the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "exceljs"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
