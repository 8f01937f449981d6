import { createHash } from "node:crypto";
import { type TemplateLayout, layoutText } from "@/app/_domain/sheets/template-layout";

/** SHA-256 (hex) of the template's canonical layout text: what the writer stores in _meta and the reader recomputes. */
export const templateHash = (layout: TemplateLayout) => createHash("sha256").update(layoutText(layout)).digest("hex");
