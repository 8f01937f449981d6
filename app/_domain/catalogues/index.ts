import type { CatalogueDef } from "../catalogue";
import { NHSA_2025_03 } from "./nhsa-2025-03";
import { NHSA_2025_03_V2 } from "./nhsa-2025-03-v2";

/**
 * The catalogues every deployment carries, oldest first. A region without an explicit catalogue uses the
 * newest one present in its database. Add a version by appending a new file here; never change a shipped one.
 */
export const BUILT_IN_CATALOGUES: readonly CatalogueDef[] = [NHSA_2025_03, NHSA_2025_03_V2];

export const BUILT_IN_CATALOGUE_CODES: readonly string[] = BUILT_IN_CATALOGUES.map((c) => c.code);

export const isBuiltInCatalogue = (code: string) => BUILT_IN_CATALOGUE_CODES.includes(code);

/** Where a region's catalogue is not set: the newest built-in version, by its position in the list. */
export function newestBuiltIn<T extends { code: string }>(versions: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    const rank = BUILT_IN_CATALOGUE_CODES.indexOf(v.code);
    if (rank >= 0 && (!best || rank > BUILT_IN_CATALOGUE_CODES.indexOf(best.code))) best = v;
  }
  return best;
}

/** The banner shown wherever a reconstructed catalogue is displayed. */
export const RECONSTRUCTED_NOTICE = "本目录据公开资料重建，官方 49 项清单未公开；系统管理员可导入官方版本";
