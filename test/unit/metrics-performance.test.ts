import { describe, expect, it } from "vitest";
import type { Scheme } from "@/app/_domain/catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { computeRegionMetrics, type AcceptedRows } from "@/app/_domain/metrics";
import { makePeriod } from "@/app/_domain/periods";
import { seeded } from "../helpers/seeded";

/**
 * Timing of the engine on the institution-level catalogue (IN01–IN20: 15 inputs, 5 derived) × 36 months.
 * Prints timings; asserts only the shape (timings depend on the machine). The default size keeps the unit
 * suite quick; the full case of the brief is
 *
 *   METRICS_PERF_INSTITUTIONS=5000 npx vitest run --project unit test/unit/metrics-performance.test.ts
 */
const INSTITUTIONS = Number(process.env.METRICS_PERF_INSTITUTIONS ?? 100);

describe("metrics engine timing", () => {
  it(`computes ${INSTITUTIONS} institutions × 20 indicators × 36 months`, { timeout: 900_000 }, () => {
    const catalogue = NHSA_2025_03.indicators.filter((i) => i.scope === "INSTITUTION");
    const inputs = catalogue.filter((i) => i.formula === null);
    const institutions = Array.from({ length: INSTITUTIONS }, (_, i) => ({
      code: `H${String(i).padStart(11, "0")}`,
      level: ["LEVEL_3", "LEVEL_2", "LEVEL_1"][i % 3]!,
    }));
    const periods = Array.from({ length: 36 }, (_, i) => makePeriod(2023, 1 + i));
    const rand = seeded(2025);

    let t0 = performance.now();
    const base = institutions.map(() => inputs.map(() => 100 + Math.floor(rand() * 10_000)));
    const accepted = new Map<string, AcceptedRows>();
    for (const period of periods) {
      const month = Number(period.slice(5));
      const rows: AcceptedRows["rows"][number][] = [];
      institutions.forEach((inst, i) => {
        inputs.forEach((def, k) => {
          const value =
            def.basis === "FLOW"
              ? `${base[i]![k]! * month + Math.floor(rand() * 100)}.${Math.floor(rand() * 100)}`
              : `${Math.floor(rand() * 1000)}.${Math.floor(rand() * 100)}`;
          rows.push({ indicatorCode: def.code, scheme: "TOTAL" as Scheme, institutionCode: inst.code, value });
        });
      });
      accepted.set(period, { versionId: `v-${period}`, rows });
    }
    const generated = performance.now() - t0;

    t0 = performance.now();
    const all = computeRegionMetrics({ catalogue, institutions, accepted, periods });
    const full = performance.now() - t0;
    expect(all).toHaveLength(INSTITUTIONS * 20 * 36);

    t0 = performance.now();
    const one = computeRegionMetrics({ catalogue, institutions, accepted, periods: ["2025-06"] });
    const single = performance.now() - t0;
    expect(one).toHaveLength(INSTITUTIONS * 20);

    const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(
      `[metrics timing] ${INSTITUTIONS} institutions × 20 indicators × 36 months = ${all.length} rows: ` +
        `full recompute ${Math.round(full)} ms (${((full * 1000) / all.length).toFixed(1)} µs/row); ` +
        `one month (${one.length} rows) ${Math.round(single)} ms; input generation ${Math.round(generated)} ms; heap ${heap} MB`,
    );
  });
});
