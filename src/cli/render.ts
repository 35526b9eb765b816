/** `podlife render`: the swimlanes as a standalone SVG file, drawn by the browser's layout code. */
import { writeFileSync } from "node:fs";
import type { Timeline } from "../sim/timeline/types.ts";
import { layoutSwimlanes } from "../viz/layout.ts";
import { renderSwimlanesToString } from "../viz/render-string.ts";

/** Writes the SVG for a timeline. */
export function renderSvgFile(timeline: Timeline, out: string): void {
  writeFileSync(out, renderSwimlanesToString(layoutSwimlanes(timeline, { width: 1200 })));
}
