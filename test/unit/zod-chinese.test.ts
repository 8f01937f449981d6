import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "@/app/_domain/zod";

/**
 * Issue 16, finding 5: changePasswordAction with missing fields answered "Invalid input: expected string…".
 * Every message a schema can produce must be Chinese: each exported schema is fed malformed input and each
 * message read, and no file may import zod around app/_domain/zod.ts (which installs the Chinese messages).
 */
const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_DIR = path.join(ROOT, "app/_domain/schemas");
const ENGLISH = /invalid|expected|received|required|too (small|big)|must/i;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe("Chinese validation messages", () => {
  it("no file imports zod except app/_domain/zod.ts", () => {
    const direct = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))]
      .filter((f) => !f.endsWith(path.join("_domain", "zod.ts")))
      .filter((f) => /from ["']zod(\/[^"']*)?["']/.test(fs.readFileSync(f, "utf8")));
    expect(direct.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("the change-password form with missing fields answers in Chinese", async () => {
    const { changePasswordSchema } = await import("@/app/_domain/schemas/password");
    for (const input of [{}, undefined, { current: 1, next: null }]) {
      const r = changePasswordSchema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) expect(issue.message, issue.message).toMatch(/[\u4e00-\u9fff]/);
      for (const issue of r.error!.issues) expect(issue.message).not.toMatch(ENGLISH);
    }
  });

  it("every exported schema answers malformed input in Chinese", async () => {
    const garbage: unknown[] = [undefined, null, 42, "x", [], {}, { a: 1 }];
    let checked = 0;
    for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".ts"))) {
      const mod = (await import(path.join(SCHEMA_DIR, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!(schema instanceof z.ZodType)) continue;
        checked++;
        for (const input of garbage) {
          const r = schema.safeParse(input);
          if (r.success) continue;
          for (const issue of r.error.issues) {
            expect(issue.message, `${file} ${name} ${JSON.stringify(input)}: ${issue.message}`).toMatch(/[\u4e00-\u9fff]/);
            expect(issue.message, `${file} ${name}: ${issue.message}`).not.toMatch(ENGLISH);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
