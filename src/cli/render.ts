/** `podlife render`: the swimlanes as a standalone SVG file, drawn by the browser's layout code. */
import { writeFileSync } from "node:fs";
import type { Timeline } from "../sim/timeline/types.ts";
import { standaloneSvg } from "../viz/standalone-svg.ts";

/** Writes the SVG for a timeline. */
export function renderSvgFile(timeline: Timeline, out: string): void {
  writeFileSync(out, standaloneSvg(timeline));
}
