import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/app/_domain/same-origin-path";

describe("sameOriginPath (the page after sign-in)", () => {
  it("keeps a path of the portal with its query and fragment", () => {
    expect(sameOriginPath("/sheets?period=2025-03#v2")).toBe("/sheets?period=2025-03#v2");
    expect(sameOriginPath("/metrics")).toBe("/metrics");
  });

  it.each([
    "/\\evil.example/",
    "/%5Cevil.example/".replace("%5C", "\\"),
    "/\t/evil.example/",
    "/\n/evil.example",
    "\\\\evil.example",
    "//evil.example/",
    "/.//evil.example",
    "http://evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "\u0000//evil.example",
  ])("refuses %j, which a browser would resolve off-site", (raw) => {
    const out = sameOriginPath(raw);
    expect(new URL(out, "http://portal.example").origin).toBe("http://portal.example");
    expect(out.startsWith("/") && !out.startsWith("//") && !out.includes("\\")).toBe(true);
  });

  it("falls back to / for nothing", () => {
    expect(sameOriginPath(undefined)).toBe("/");
    expect(sameOriginPath("")).toBe("/");
  });
});
