import { describe, expect, it } from "vitest";
import {
  DEFAULT_SMALL_CELL_THRESHOLD,
  displayCount,
  isPersonCountUnit,
  isSmallCount,
  suppressCells,
  suppressionMarker,
} from "@/app/_domain/suppression";

/** Small-cell suppression (reference LAW-03 / T20), with the reference's placeholder k = 5. */
describe("small-cell suppression", () => {
  it("hides counts 1 … k−1, shows 0, k and above, and missing values as missing", () => {
    expect(DEFAULT_SMALL_CELL_THRESHOLD).toBe(5);
    expect([0, 1, 4, 4.9, 5, 120, "3", "12", null, undefined, ""].map((v) => isSmallCount(v))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isSmallCount(0, { suppressZero: true })).toBe(true);
    expect(isSmallCount(-3)).toBe(false);
  });

  it("the threshold is configurable; a nonsensical one falls back to 5", () => {
    expect(isSmallCount(9, { threshold: 10 })).toBe(true);
    expect(isSmallCount(10, { threshold: 10 })).toBe(false);
    expect(isSmallCount(4, { threshold: 0 })).toBe(true);
    expect(isSmallCount(4, { threshold: Number.NaN })).toBe(true);
    expect(isSmallCount(2, { threshold: 3 })).toBe(true);
    expect(isSmallCount(3, { threshold: 3 })).toBe(false);
  });

  it("displays <k or *, — for missing, and the formatted value otherwise", () => {
    expect(displayCount(3)).toBe("<5");
    expect(displayCount(3, { marker: "asterisk" })).toBe("*");
    expect(displayCount(7, { threshold: 10 })).toBe("<10");
    expect(displayCount(null)).toBe("—");
    expect(displayCount(12345, { format: (v) => Number(v).toLocaleString("zh-CN") })).toBe("12,345");
    expect(displayCount(120, { forced: true })).toBe("<5");
    expect(suppressionMarker({ threshold: 3 })).toBe("<3");
  });

  it("applies to person counts (人, 人次), not to money or rates", () => {
    expect(["人", "人次", "万元", "%", "天"].map(isPersonCountUnit)).toEqual([true, true, false, false, false]);
  });

  it("complementary suppression: 3 patients of A1 in group X → '*', and no hidden cell can be backed out of a total", () => {
    // Rows: institutions A1, A2, A3; columns: DRG groups X, Y, Z (discharges).
    const table = [
      [3, 40, 25],
      [12, 60, 30],
      [20, 8, 45],
    ];
    const { hide, totalsToWithhold } = suppressCells(table, { marker: "asterisk" });
    expect(hide[0][0]).toBe(true);
    // Every row and column with a hidden cell has at least two.
    for (let r = 0; r < 3; r++) {
      const n = hide[r].filter(Boolean).length;
      expect(n === 0 || n >= 2, `row ${r}`).toBe(true);
    }
    for (let c = 0; c < 3; c++) {
      const n = hide.map((row) => row[c]).filter(Boolean).length;
      expect(n === 0 || n >= 2, `column ${c}`).toBe(true);
    }
    expect(totalsToWithhold).toEqual({ rows: [], columns: [] });
    // The screen shows "*" for every hidden cell, the value for the others.
    expect(table.map((row, r) => row.map((v, c) => displayCount(v, { marker: "asterisk", forced: hide[r][c] })))).toEqual([
      ["*", "40", "*"],
      ["*", "60", "*"],
      ["20", "8", "45"],
    ]);
  });

  it("chooses the smallest partner; names a line whose single hidden cell has no partner", () => {
    expect(suppressCells([[2, 50, 9, 100]]).hide).toEqual([[true, false, true, false]]);
    // One institution only: its total would give the hidden cell away.
    const lone = suppressCells([[3], [40]]);
    expect(lone.hide).toEqual([[true], [true]]);
    const single = suppressCells([[3, 0]]);
    expect(single.hide).toEqual([[true, false]]);
    expect(single.totalsToWithhold.rows).toEqual([0]);
  });

  it("leaves a table without small counts alone, and handles empty and ragged tables", () => {
    expect(
      suppressCells([
        [10, 20],
        [30, 40],
      ]).hide,
    ).toEqual([
      [false, false],
      [false, false],
    ]);
    expect(suppressCells([]).hide).toEqual([]);
    expect(suppressCells([[1, 30], [50]]).hide[0]).toEqual([true, true]);
  });
});
