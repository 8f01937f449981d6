import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_CATALOGUES } from "@/app/_domain/catalogues";

/**
 * A fresh clone must make sense with nothing beside it: no file may point at a path of a development machine
 * or at documents that live outside the repository, and the README's and docs' links must resolve. The
 * catalogue page must list the catalogue the code ships.
 */

const SELF = "test/unit/repository-self-contained.test.ts";
const TEXT = /\.(ts|tsx|mjs|js|json|md|prisma|sql|css|yml|yaml|txt|csv)$|^\.ci\/|(^|\/)\.gitignore$/;

/** Tracked files plus new ones not yet committed (so a failure shows before the commit). */
function repositoryFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" });
  return [...new Set(out.split("\n").filter(Boolean))].filter(
    (f) => f !== SELF && f !== "package-lock.json" && TEXT.test(f) && fs.existsSync(f),
  );
}

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.\.\/shared\b/, why: "a folder beside the repository" },
  { pattern: /(^|[\s`'"(:])\/(work|home|Users|root|mnt|srv|opt)\/[\w.-]/, why: "an absolute path of a development machine" },
  { pattern: /[A-Z]:\\(Users|work)\\/i, why: "a Windows path of a development machine" },
  { pattern: /\b(PRODUCT|PUBLICATIONS|STACK|ARCHITECTURE|EXAMPLES)\.md\b/, why: "a document that is not in the repository (use docs/)" },
  {
    pattern: /\bseeds-brief\b|reference\/(indicators|security-requirements)\.md/,
    why: "a research note that is not in the repository (use docs/)",
  },
];

describe("the repository is self-contained", () => {
  const files = repositoryFiles();

  it("no file names a development machine's path or a document outside the repository", () => {
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const file of files) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const { pattern, why } of FORBIDDEN)
            if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(hits).toEqual([]);
  });

  it("every relative link in README.md, SECURITY.md and docs/ points at a file of the repository", () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".md"))) {
      for (const [, target] of fs.readFileSync(file, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const resolved = path.join(path.dirname(file), target.split("#")[0]);
        if (!fs.existsSync(resolved)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("README links the three docs a newcomer needs", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    for (const doc of ["docs/product.md", "docs/catalogue.md", "docs/security-requirements.md"]) {
      expect(readme).toContain(`](${doc})`);
      expect(fs.existsSync(doc)).toBe(true);
    }
  });

  it("docs/catalogue.md lists every indicator of the newest built-in catalogue with its name, unit, schemes and formula", () => {
    const newest = BUILT_IN_CATALOGUES.at(-1)!;
    const schemes = { EMPLOYEE: "职工", RESIDENT: "居民", TOTAL: "合计" };
    const doc = fs.readFileSync("docs/catalogue.md", "utf8");
    const rows = new Map(
      doc
        .split("\n")
        .filter((l) => /^\| [A-Z]{2}\d{2} \|/.test(l))
        .map((l) => [l.split("|")[1].trim(), l]),
    );
    expect(rows.size).toBe(newest.indicators.length);
    for (const d of newest.indicators) {
      const cells = rows
        .get(d.code)
        ?.split("|")
        .map((c) => c.trim());
      expect(cells, d.code).toBeDefined();
      expect([cells![2], cells![3], cells![5]], d.code).toEqual([d.nameZh, d.unit, d.schemes.map((x) => schemes[x]).join("、")]);
      expect(cells![7], d.code).toBe(d.formula ? `\`${d.formula}\`` : "填报");
    }
    expect(newest.indicators.filter((d) => d.scope === "REGION")).toHaveLength(49);
  });
});
