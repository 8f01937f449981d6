import { describe, expect, it } from "vitest";
import type { z } from "@/app/_domain/zod";
import type { PublicationView } from "@/app/_domain/publications/types";
import type { regionMetricsResponseSchema } from "@/app/_domain/schemas/metrics";
import type { publicationListResponseSchema, publicationViewSchema } from "@/app/_domain/schemas/publication-responses";
import type {
  sheetListResponseSchema,
  sheetRefusedSchema,
  sheetReviewedSchema,
  sheetUploadedSchema,
} from "@/app/_domain/schemas/sheet-responses";
import type { getRegionMetricsForPeriod } from "@/app/_server/metrics/get-region-metrics";
import type { listPublications } from "@/app/_server/publications/list-publications";
import type { listSheets } from "@/app/_server/sheets/list-sheets";
import type { reviewSheet } from "@/app/_server/sheets/review-sheet";
import type { UploadSheetResult } from "@/app/_server/sheets/upload-sheet";

/**
 * The response schemas of the OpenAPI description (app/_domain/schemas/*-responses.ts) describe exactly what the
 * use cases return: each pair below must be assignable both ways, or `tsc --noEmit` (and `next build`) fails.
 * The schemas are strict, so the contract test (test/integration/api-v1-contract.test.ts) catches a field sent
 * at run time and missing from them.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const agree: [
  Same<z.output<typeof sheetListResponseSchema>, Result<typeof listSheets>>,
  Same<z.output<typeof sheetUploadedSchema> | z.output<typeof sheetRefusedSchema>, UploadSheetResult>,
  Same<z.output<typeof sheetReviewedSchema>, Result<typeof reviewSheet>>,
  Same<z.output<typeof regionMetricsResponseSchema>, Result<typeof getRegionMetricsForPeriod>>,
  Same<z.output<typeof publicationListResponseSchema>["publications"], Result<typeof listPublications>>,
  Same<z.output<typeof publicationViewSchema>, PublicationView>,
] = [true, true, true, true, true, true];

describe("the API response schemas", () => {
  it("have the types of the use cases' results (checked by the type checker)", () => {
    expect(agree.every(Boolean)).toBe(true);
  });
});
