import { z } from "@/app/_domain/zod";
import { isPeriod, isQuarterEnd } from "../periods";

export const NARRATIVE_MAX_LENGTH = 20_000;

/** Saving the 智能解读 text of a quarter; baseVersion is the version the editor started from (0: none saved yet). */
export const saveNarrativeSchema = z.object({
  period: z.string().refine((p) => isPeriod(p) && isQuarterEnd(p), "请选择季度末月份（3、6、9、12月）"),
  text: z
    .string()
    .transform((t) => t.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "解读内容不能为空").max(NARRATIVE_MAX_LENGTH, `解读内容最多 ${NARRATIVE_MAX_LENGTH} 字`)),
  baseVersion: z.number().int().min(0),
});
export type SaveNarrativeInput = z.input<typeof saveNarrativeSchema>;
