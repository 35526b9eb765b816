/**
 * The swimlanes of a whole run as standalone SVG text: what `podlife render` writes and what the
 * playground's "Export SVG" downloads, from the same layout and scene code as the live drawing.
 */
import type { Timeline } from "../sim/timeline/types.ts";
import { type CompareVariant, layoutCompare } from "./compare.ts";
import { layoutSwimlanes } from "./layout.ts";
import { renderSwimlanesToString } from "./render-string.ts";

/** Width of an exported drawing, in px. */
export const STANDALONE_WIDTH_PX = 1200;

/** Standalone SVG document text for `timeline`. Deterministic. */
export function standaloneSvg(timeline: Timeline): string {
  return renderSwimlanesToString(layoutSwimlanes(timeline, { width: STANDALONE_WIDTH_PX }));
}

/** Standalone SVG document text for compare mode: the variants one under the other on one time axis. */
export function standaloneCompareSvg(variants: readonly CompareVariant[]): string {
  return renderSwimlanesToString(layoutCompare([...variants], { width: STANDALONE_WIDTH_PX }));
}
