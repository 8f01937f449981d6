import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/app/_domain/canonical-json";
import { buildSnapshot } from "@/app/_domain/publications/build-snapshot";
import { expandPart } from "@/app/_domain/publications/part-format";
import type { FrozenRegionPart, InstitutionPart, PublicationKind } from "@/app/_domain/publications/types";
import { sectionsFor } from "@/app/_domain/publications/views";
import format1 from "../fixtures/publications/format-1.json";
import { snapshotInput } from "../helpers/snapshot-input";

/**
 * Stored formats of a publication's institution parts (part-format.ts). The fixture holds format-1 snapshots
 * made by the code before format 2 from snapshotInput (a quarterly release in anonymised mode, a monthly push in
 * named mode: suppressed counts, ties, missing values, alerts with an explanation), two of their parts, and the
 * SHA-256 of what each recipient (and a staff reader, "") saw. An already published format-1 snapshot must keep
 * rendering those views; the same input frozen in format 2 must render exactly them too.
 */
const fixture = format1 as unknown as Record<
  PublicationKind,
  { region: FrozenRegionPart; parts: InstitutionPart[]; views: Record<string, string> }
>;
const sha = (v: unknown) => createHash("sha256").update(canonicalJson(v)).digest("hex");

describe("publication part formats", () => {
  for (const kind of ["QUARTERLY_RELEASE", "MONTHLY_PUSH"] as const) {
    it(`${kind}: a format-1 snapshot still renders the views it rendered when published`, () => {
      const { region, parts, views } = fixture[kind];
      expect(region.format).toBe(1);
      expect(sha(sectionsFor(region, null, "version-1"))).toBe(views[""]);
      for (const part of parts) expect(sha(sectionsFor(region, expandPart(region, part), "version-1"))).toBe(views[part.institution.code]);
    });

    it(`${kind}: format 2 renders exactly the views of format 1, for every recipient`, () => {
      const built = buildSnapshot(snapshotInput(kind, { count: 12 }));
      expect(built.region.format).toBe(2);
      expect(built.parts).toHaveLength(Object.keys(fixture[kind].views).length - 1);
      expect(sha(sectionsFor(built.region, null, "version-1"))).toBe(fixture[kind].views[""]);
      for (const part of built.parts) {
        expect(part.format).toBe(2);
        const view = sectionsFor(built.region, expandPart(built.region, part), "version-1");
        expect(sha(view)).toBe(fixture[kind].views[part.institution.code]);
      }
    });
  }

  it("builds parts whose JSON.stringify is their canonical JSON (the stored and hashed text)", () => {
    for (const kind of ["QUARTERLY_RELEASE", "MONTHLY_PUSH"] as const) {
      const input = snapshotInput(kind, { count: 12 });
      // Panel ids in an order that is not sorted, one of them index-like.
      input.layout.sections.reverse();
      for (const section of input.layout.sections)
        for (const [n, panel] of section.panels.entries()) if (panel.kind === "ALERTS") panel.id = String(n);
      for (const part of buildSnapshot(input).parts) expect(JSON.stringify(part)).toBe(canonicalJson(part));
    }
  });

  it("turns each part into what the caller keeps as it is built (freezing: its JSON), the content unchanged", () => {
    for (const kind of ["QUARTERLY_RELEASE", "MONTHLY_PUSH"] as const) {
      const input = snapshotInput(kind, { count: 12 });
      const built = buildSnapshot(input);
      const texts = buildSnapshot(input, (part) => JSON.stringify(part));
      expect(texts.parts).toEqual(built.parts.map((part) => JSON.stringify(part)));
      expect(canonicalJson(texts.region)).toBe(canonicalJson(built.region));
      // The region part describes every indicator an alert refers to, though it never saw the parts' objects.
      const alerts = built.parts.flatMap((part) => Object.values(part.panels).flatMap((p) => (p.kind === "ALERTS" ? p.alerts : [])));
      expect(alerts.length).toBeGreaterThan(0);
      for (const a of alerts) expect(texts.region.indicators?.[a.key]?.code).toBe(a.key.split(":")[0]);
    }
  });

  it("stores a part in a fraction of format 1's size", () => {
    const built = buildSnapshot(snapshotInput("QUARTERLY_RELEASE", { count: 12 }));
    const compact = canonicalJson(built.parts[0]).length;
    const whole = canonicalJson(expandPart(built.region, built.parts[0]!)).length;
    expect(compact).toBeLessThan(whole / 2);
  });
});
