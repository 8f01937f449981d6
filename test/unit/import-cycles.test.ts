import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No import cycle among the application's modules (app/, components/, prisma/seed/, proxy.ts,
 * instrumentation.ts). A cycle makes module order decide behaviour (a value read before its module ran is
 * undefined) and drags one side's imports into every bundle of the other. Type-only imports count too: shared
 * types belong in a file both sides import (e.g. app/_domain/sheets/types.ts).
 */

const ROOTS = ["app", "components", "prisma/seed", "proxy.ts", "instrumentation.ts"];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return SOURCE.test(entry) ? [entry] : [];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((e) => e.name !== "generated" && e.name !== "node_modules")
    .flatMap((e) => sourceFiles(path.join(entry, e.name)));
}

/** Module specifiers a file imports: static imports, re-exports and import(). */
function imports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specs: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+([^;'"]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (m[1] === "import" || m[2]) specs.push(m[3]);
  }
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
  return specs;
}

function resolve(from: string, spec: string, known: Set<string>): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** Strongly connected components with more than one module (Tarjan), each as a list of files. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const state = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (v: string) => {
    const s = { index, low: index, onStack: true };
    index++;
    state.set(v, s);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      const t = state.get(w);
      if (!t) {
        visit(w);
        s.low = Math.min(s.low, state.get(w)!.low);
      } else if (t.onStack) s.low = Math.min(s.low, t.index);
    }
    if (s.low === s.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        state.get(w)!.onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!state.has(v)) visit(v);
  return found;
}

describe("module graph", () => {
  const files = ROOTS.flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, imports(fs.readFileSync(f, "utf8")).flatMap((s) => resolve(f, s, known) ?? [])]));

  it("reads the application's imports", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(graph.get("app/_server/system/bootstrap-database.ts")).toContain("app/_server/db.ts");
  });

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("would report one", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
  });
});
