/**
 * The canvas layer for crowded views. Ten thousand probe attempts passing and failing in turn, or
 * forty containers whose readiness flips every second, cannot be merged away, and as SVG elements
 * they make every zoom step take a quarter of a second or more. Above `CANVAS_ITEMS_ABOVE` bars and
 * probe ticks in view, the browser draws those on one canvas (lane backgrounds, labels, marks, the
 * axis and the playhead stay SVG) and finds what is under the pointer with `itemAtPoint`.
 * `podlife render` always writes SVG.
 */
import type { LaidOut, LaidOutLane } from "./layout.ts";

/** Above this many bars and probe ticks in view, the browser draws them on a canvas. */
export const CANVAS_ITEMS_ABOVE = 1500;

/** How many bars and probe ticks a layout draws. */
export function canvasItemCount(l: LaidOut): number {
  let n = 0;
  for (const p of l.pods) for (const lane of p.lanes) n += lane.bars.length + lane.ticks.length;
  return n;
}

/** How far (px) from a thin tick the pointer may be and still hit it. */
const HIT_SLOP_PX = 2;

/** The id of the bar or probe tick at (x, y) in the drawing, or undefined. */
export function itemAtPoint(l: LaidOut, x: number, y: number): string | undefined {
  const lane = laneAt(l, y);
  if (!lane) return undefined;
  // Overlays (hooks, grace) are drawn on top of the state bars, so they are hit first.
  for (let i = lane.bars.length - 1; i >= 0; i--) {
    const b = lane.bars[i]!;
    if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return b.id;
  }
  const ticks = lane.ticks;
  if (!ticks.length) return undefined;
  // Ticks are in time order: binary search for the last one starting at or before x + slop.
  let lo = 0;
  let hi = ticks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ticks[mid]!.x <= x + HIT_SLOP_PX) lo = mid;
    else hi = mid - 1;
  }
  const t = ticks[lo]!;
  return t.x <= x + HIT_SLOP_PX && x <= t.x + t.width + HIT_SLOP_PX ? t.id : undefined;
}

function laneAt(l: LaidOut, y: number): LaidOutLane | undefined {
  for (const p of l.pods) {
    if (y < p.y || y > p.y + p.height) continue;
    return p.lanes.find((lane) => y >= lane.y && y <= lane.y + lane.height);
  }
  return undefined;
}

/** Colours the canvas takes from the page's theme, the selection, and the pixel ratio. */
export interface CanvasLayerOptions {
  selectedId?: string | undefined;
  /** Outline of the selected item (`--pl-text`). */
  outlineColor: string;
  /** Edge around overlay bars (`--pl-bg`). */
  backgroundColor: string;
  /** The swimlanes' font family. */
  fontFamily: string;
  pixelRatio: number;
}

/** Draws every bar and probe tick of `l` on `canvas` (sized to the drawing), as the SVG would. */
export function drawCanvasLayer(canvas: HTMLCanvasElement, l: LaidOut, opts: CanvasLayerOptions): void {
  const ratio = opts.pixelRatio;
  const w = Math.ceil(l.width * ratio);
  const h = Math.ceil(l.height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, l.width, l.height);
  ctx.textBaseline = "alphabetic";
  let selected: { x: number; y: number; width: number; height: number } | undefined;
  for (const p of l.pods)
    for (const lane of p.lanes) {
      const sub = lane.kind !== "container";
      ctx.font = `${sub ? 9 : 11}px ${opts.fontFamily}`;
      for (const b of lane.bars) {
        ctx.fillStyle = b.fill;
        ctx.fillRect(b.x, b.y, b.width, b.height);
        if (b.layer === "overlay") {
          ctx.strokeStyle = opts.backgroundColor;
          ctx.lineWidth = 1;
          ctx.strokeRect(b.x, b.y, b.width, b.height);
        }
        if (b.showLabel) {
          ctx.fillStyle = b.textFill;
          ctx.fillText(b.label, b.x + 4, b.y + b.height / 2 + 3.5, b.width - 6);
        }
        if (b.id === opts.selectedId) selected = b;
      }
      for (const t of lane.ticks) {
        ctx.fillStyle = t.color;
        ctx.fillRect(t.x, t.y, t.width, t.height);
        if (t.id === opts.selectedId) selected = t;
      }
    }
  if (selected) {
    ctx.strokeStyle = opts.outlineColor;
    ctx.lineWidth = 2;
    ctx.strokeRect(selected.x - 1, selected.y - 1, selected.width + 2, selected.height + 2);
  }
}
