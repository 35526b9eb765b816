/**
 * Swimlanes: pure layout, a scene shared by both renderers, a D3 renderer for the browser and a
 * string renderer for standalone SVG. No React here.
 */
export { type LaidOut, layoutSwimlanes, type SwimlaneOptions } from "./layout.ts";
export { renderSwimlanes } from "./render-dom.ts";
export { renderSwimlanesToString } from "./render-string.ts";
export { formatVirtualTime } from "./time-format.ts";
