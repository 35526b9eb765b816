/**
 * The swimlanes view. React owns the `<svg>` element, its size and two groups in it; D3 owns what is
 * inside them (`renderSwimlanes` the drawing, `renderPlayhead` the playhead). When there are too
 * many bars and probe ticks in view for SVG, they go on a canvas between the two (`canvas-layer.ts`). d3-zoom turns wheel
 * and drag into a time window; W/S zoom, A/D pan, F fits, arrows move the selection, Enter moves
 * the playhead to it.
 */
import { scaleLinear, select, type ZoomBehavior, zoom, zoomIdentity, zoomTransform } from "d3";
import {
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Timeline } from "../sim/index.ts";
import { CANVAS_ITEMS_ABOVE, canvasItemCount, drawCanvasLayer, itemAtPoint } from "../viz/canvas-layer.ts";
import { type CompareVariant, focusPodOf, layoutCompare, splitVariantId } from "../viz/compare.ts";
import { describeItem } from "../viz/items.ts";
import { itemTitle, type LaidOut, laneOfItem, layoutSwimlanes, plotRange, xToTime } from "../viz/layout.ts";
import { renderPlayhead, renderSwimlanes } from "../viz/render-dom.ts";
import { ROOT_CLASS } from "../viz/scene.ts";
import { localHoverText } from "./hover-text.ts";
import { useDetailsLanguage, useLanguage, useMessages } from "./i18n/i18n.tsx";

export interface SwimlanesProps {
  timeline: Timeline;
  /** Compare mode: variants drawn one under the other on one time axis (instead of `timeline`). */
  variants?: CompareVariant[] | undefined;
  selectedId?: string | undefined;
  onSelect?: (id: string | undefined) => void;
  playheadMs?: number | undefined;
  onPlayheadChange?: (ms: number) => void;
  /** Keys the view does not use itself (playback shortcuts). */
  onOtherKey?: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/** The narrowest time window zoom allows. */
const MIN_WINDOW_MS = 200;

interface Tooltip {
  text: string;
  x: number;
  y: number;
}

export function Swimlanes({
  timeline,
  variants,
  selectedId,
  onSelect,
  playheadMs,
  onPlayheadChange,
  onOtherKey,
}: SwimlanesProps) {
  const m = useMessages();
  const language = useLanguage();
  const detailsLanguage = useDetailsLanguage();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);
  const overlayRef = useRef<SVGGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [width, setWidth] = useState(0);
  const [transform, setTransform] = useState({ k: 1, x: 0 });
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const dragging = useRef(false);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setWidth(Math.floor(box.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const drawWidth = Math.max(width, 480);
  const { plotLeft, plotRight } = plotRange({ width: drawWidth });
  const endMs = variants ? Math.max(1, ...variants.map((v) => v.timeline.endMs)) : timeline.endMs;
  const base = useMemo(
    () => scaleLinear().domain([0, endMs]).range([plotLeft, plotRight]),
    [endMs, plotLeft, plotRight],
  );
  const [viewStart, viewEnd] = useMemo(() => {
    const [a, b] = zoomIdentity.translate(transform.x, 0).scale(transform.k).rescaleX(base).domain();
    return [Math.max(0, a ?? 0), Math.min(endMs, b ?? endMs)];
  }, [transform, base, endMs]);

  const laidOut = useMemo(
    () =>
      width > 0
        ? variants
          ? layoutCompare(variants, { width: drawWidth, startMs: viewStart, endMs: viewEnd })
          : layoutSwimlanes(timeline, { width: drawWidth, startMs: viewStart, endMs: viewEnd })
        : undefined,
    [timeline, variants, width, drawWidth, viewStart, viewEnd],
  );

  // d3-zoom: wheel zooms around the pointer, drag pans; only the x axis moves.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width === 0) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, Math.max(1, endMs / MIN_WINDOW_MS)])
      .extent([
        [plotLeft, 0],
        [plotRight, 1],
      ])
      .translateExtent([
        [plotLeft, 0],
        [plotRight, 1],
      ])
      .clickDistance(4)
      .filter((e: Event) => {
        const target = e.target as Element | null;
        if (target?.closest?.(".pl-axis-hit, .pl-playhead")) return false;
        if (e.type === "wheel") return true;
        const m = e as MouseEvent;
        return !m.ctrlKey && !m.button;
      })
      .on("zoom", (e: { transform: { k: number; x: number } }) => {
        setTransform({ k: e.transform.k, x: e.transform.x });
      });
    const sel = select(svg);
    sel.call(z).on("dblclick.zoom", null);
    zoomRef.current = z;
    // Keep the current zoom when the plot is re-measured or the run's length changes.
    const t = zoomTransform(svg);
    z.transform(sel, zoomIdentity.translate(t.x, 0).scale(t.k));
    return () => {
      sel.on(".zoom", null);
      zoomRef.current = null;
    };
  }, [width, endMs, plotLeft, plotRight]);

  // "Fit" shows where things happen: up to a little after the last pod is gone when every pod is
  // deleted early in the run, else the whole run.
  const fitMs = contentEndMs(timeline);
  const fitTransform = useMemo(() => {
    const k = Math.max(1, endMs / fitMs);
    return zoomIdentity.translate(plotLeft * (1 - k), 0).scale(k);
  }, [endMs, fitMs, plotLeft]);
  const fitAll = () => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) zoomRef.current.transform(select(svg), fitTransform);
  };
  // A new scenario (another fit) starts fitted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the fitted range changes
  useEffect(() => {
    if (width > 0) fitAll();
  }, [fitMs, width > 0]);

  // A selected failed request points at the pod it reached: highlight it and bring it into view.
  const focusPod = focusPodOf(timeline, variants, selectedId);

  const itemCount = useMemo(() => (laidOut ? canvasItemCount(laidOut) : 0), [laidOut]);
  const timelineItems = useMemo(() => timelineItemCount(timeline), [timeline]);
  const onCanvas = itemCount > CANVAS_ITEMS_ABOVE;

  useLayoutEffect(() => {
    if (sceneRef.current && laidOut)
      renderSwimlanes(sceneRef.current, laidOut, {
        interactive: true,
        selectedId,
        ...(focusPod !== undefined ? { focusPod } : {}),
        omitBarsAndTicks: onCanvas,
      });
    const canvas = canvasRef.current;
    if (onCanvas && canvas && laidOut && svgRef.current) {
      const style = getComputedStyle(svgRef.current);
      drawCanvasLayer(canvas, laidOut, {
        selectedId,
        outlineColor: style.getPropertyValue("--pl-text").trim() || "#1f2937",
        backgroundColor: style.getPropertyValue("--pl-bg").trim() || "#ffffff",
        fontFamily: style.fontFamily,
        pixelRatio: window.devicePixelRatio || 1,
      });
    }
  }, [laidOut, selectedId, focusPod, onCanvas]);
  useEffect(() => {
    if (focusPod !== undefined) revealPod(sceneRef.current, focusPod);
  }, [focusPod]);

  // An item selected from the keyboard is scrolled into view (the lanes can be taller than the pane);
  // one drawn on the canvas has no element of its own, so its lane is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection scrolls, not a redraw
  useEffect(() => {
    const scene = sceneRef.current;
    if (!selectedId || !scene || !boxRef.current?.contains(document.activeElement)) return;
    const el =
      scene.querySelector(`[data-item="${CSS.escape(selectedId)}"]`) ??
      (laidOut ? laneElement(scene, laneOfItem(laidOut, selectedId)) : null);
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectedId]);

  useLayoutEffect(() => {
    if (overlayRef.current && laidOut && playheadMs !== undefined)
      renderPlayhead(overlayRef.current, laidOut, playheadMs);
  }, [laidOut, playheadMs]);

  const zoomBy = (factor: number) => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    if (!svg || !z) return;
    // Zoom around the playhead when it is on screen, else around the middle.
    const px =
      laidOut && playheadMs !== undefined && playheadMs >= viewStart && playheadMs <= viewEnd
        ? base(playheadMs) * transform.k + transform.x
        : (plotLeft + plotRight) / 2;
    z.scaleBy(select(svg), factor, [px, 0]);
  };
  const panBy = (fraction: number) => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    if (!svg || !z) return;
    z.translateBy(select(svg), ((plotRight - plotLeft) * fraction) / transform.k, 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    const handled = (() => {
      if (key === "w" || key === "+" || key === "=") zoomBy(1.5);
      else if (key === "s" || key === "-") zoomBy(1 / 1.5);
      else if (key === "a") panBy(0.2);
      else if (key === "d") panBy(-0.2);
      else if (key === "f") fitAll();
      else if (key === "escape") onSelect?.(undefined);
      else if (key === "enter" && selectedId) {
        const at = selectionStartMs(timeline, variants, selectedId);
        if (at !== undefined) onPlayheadChange?.(at);
      } else if ((e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") && laidOut) {
        const next = moveSelection(laidOut, selectedId, e.key as SelectionKey);
        if (next) onSelect?.(next);
      } else return false;
      return true;
    })();
    if (handled) e.preventDefault();
    else onOtherKey?.(e);
  };

  /** The item under the pointer: an SVG element's, or a bar or tick drawn on the canvas. */
  const itemAt = (e: { target: EventTarget | null; clientX: number; clientY: number }) => {
    const id = (e.target as Element | null)?.closest?.("[data-item]")?.getAttribute("data-item");
    if (id) return id;
    const svg = svgRef.current;
    if (!onCanvas || !svg || !laidOut) return undefined;
    const r = svg.getBoundingClientRect();
    return itemAtPoint(laidOut, e.clientX - r.left, e.clientY - r.top);
  };

  const timeAt = (clientX: number) => {
    const svg = svgRef.current;
    if (!svg || !laidOut) return 0;
    return xToTime(laidOut, clientX - svg.getBoundingClientRect().left);
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const target = e.target as Element;
    if (e.button !== 0 || !target.closest?.(".pl-axis-hit, .pl-playhead")) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    onPlayheadChange?.(timeAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) {
      onPlayheadChange?.(timeAt(e.clientX));
      return;
    }
    const id = itemAt(e);
    let text = id && laidOut ? itemTitle(laidOut, id) : undefined;
    if (text && id && language !== "en") {
      const { label, id: inner } = variants ? splitVariantId(id) : { id };
      const t = label === undefined ? timeline : variants?.find((v) => v.label === label)?.timeline;
      text = localHoverText(text, t && describeItem(t, inner, detailsLanguage));
    }
    setTooltip(text ? { text, x: e.clientX, y: e.clientY } : null);
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const zoomed =
    Math.abs(transform.k - fitTransform.k) > 1e-4 || Math.abs(transform.x - fitTransform.x) > 0.5;
  return (
    <div
      className="swimlanes-box"
      role="application"
      aria-roledescription="swimlanes"
      ref={boxRef}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: an application widget driven by the keyboard (zoom, pan, select)
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="swimlanes-box"
      data-zoomed={zoomed}
      data-view-start={Math.round(viewStart)}
      data-view-end={Math.round(viewEnd)}
      data-drawn-on={onCanvas ? "canvas" : "svg"}
      data-item-count={itemCount}
      data-timeline-items={timelineItems}
      aria-label={m.swimlanesKeys}
      aria-keyshortcuts="W S A D F ArrowLeft ArrowRight ArrowUp ArrowDown Home End Enter Escape"
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the box's arrow keys */}
      <svg
        ref={svgRef}
        className={ROOT_CLASS}
        data-testid="swimlanes"
        role="img"
        aria-label={m.swimlanesImage}
        width={laidOut?.width ?? 0}
        height={laidOut?.height ?? 0}
        viewBox={laidOut ? `0 0 ${laidOut.width} ${laidOut.height}` : undefined}
        onClick={(e) => onSelect?.(itemAt(e))}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setTooltip(null)}
      >
        <g ref={sceneRef} />
        {onCanvas && laidOut && (
          <foreignObject x={0} y={0} width={laidOut.width} height={laidOut.height} pointerEvents="none">
            <canvas
              ref={canvasRef}
              data-testid="swimlanes-canvas"
              style={{ display: "block", width: laidOut.width, height: laidOut.height }}
            />
          </foreignObject>
        )}
        <g ref={overlayRef} />
      </svg>
      {tooltip && (
        <div
          className="swimlanes-tooltip"
          role="tooltip"
          data-testid="tooltip"
          style={{ left: tooltip.x + 12, top: tooltip.y + 14 }}
        >
          {tooltip.text}
        </div>
      )}
    </div>
  );
}

/** The element with test id `testId` in the scene, inside compare variant `variant`'s group when given. */
function sceneElement(scene: Element | null, testId: string, variant?: string): Element | null {
  const within = variant ? scene?.querySelector(`[data-testid="variant-${CSS.escape(variant)}"]`) : scene;
  return within?.querySelector(`[data-testid="${CSS.escape(testId)}"]`) ?? null;
}

/** The lane element `where` names (inside its variant's group in compare mode). */
function laneElement(
  scene: SVGGElement,
  where: { laneTestId: string; variant?: string } | undefined,
): Element | null {
  return where ? sceneElement(scene, where.laneTestId, where.variant) : null;
}

/** Scrolls the group of pod `focus` (`name`, or `label:name` in compare mode) into view. */
function revealPod(scene: SVGGElement | null, focus: string): void {
  const [label, name] = focus.includes(":") ? focus.split(":", 2) : [undefined, focus];
  sceneElement(scene, `pod-${name ?? ""}`, label)?.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** When the selected item starts (in compare mode, in its own variant's timeline). */
function selectionStartMs(
  timeline: Timeline,
  variants: CompareVariant[] | undefined,
  selectedId: string,
): number | undefined {
  const { label, id } = variants ? splitVariantId(selectedId) : { id: selectedId };
  const t = label === undefined ? timeline : variants?.find((v) => v.label === label)?.timeline;
  return t ? describeItem(t, id)?.startMs : undefined;
}

/** Keys that move the selection: arrows, and Home/End for the first and last item of the lane. */
type SelectionKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

/**
 * The item ids of each row, left to right, top to bottom: the Deployment sections' steps and
 * ReplicaSet rows and the traffic lanes, then the pods' lanes; in compare mode each variant's rows
 * in turn, their ids prefixed with the variant's label.
 */
export function itemGrid(l: LaidOut, prefix = ""): { id: string; x: number }[][] {
  const rows: { id: string; x: number }[][] = [];
  const push = (items: readonly { id: string; x: number }[]) => {
    const row = items.map((i) => ({ id: prefix + i.id, x: i.x })).sort((a, b) => a.x - b.x);
    if (row.length) rows.push(row);
  };
  for (const d of l.workloads?.deployments ?? []) {
    push(d.steps.marks);
    for (const r of d.rows) push(r.bars);
  }
  for (const t of l.workloads?.traffic ?? []) {
    push(t.bars.items);
    push(t.failures.items);
  }
  for (const p of l.pods) for (const lane of p.lanes) push([...lane.bars, ...lane.marks, ...lane.ticks]);
  for (const v of l.variants ?? []) rows.push(...itemGrid(v.layout, `${v.label}:`));
  return rows;
}

/** The item a key moves the selection to (the first item when nothing is selected). */
export function moveSelection(
  l: LaidOut,
  selectedId: string | undefined,
  key: SelectionKey,
): string | undefined {
  const rows = itemGrid(l);
  if (!rows.length) return undefined;
  let r = rows.findIndex((row) => row.some((i) => i.id === selectedId));
  if (r < 0) return rows[0]![0]!.id;
  const row = rows[r]!;
  const c = row.findIndex((i) => i.id === selectedId);
  const x = row[c]!.x;
  if (key === "Home") return row[0]!.id;
  if (key === "End") return row[row.length - 1]!.id;
  if (key === "ArrowLeft") return row[Math.max(0, c - 1)]!.id;
  if (key === "ArrowRight") return row[Math.min(row.length - 1, c + 1)]!.id;
  r = key === "ArrowUp" ? Math.max(0, r - 1) : Math.min(rows.length - 1, r + 1);
  const target = rows[r]!;
  // The item of the other lane that covers (or is nearest to) the same x.
  let best = target[0]!;
  for (const i of target) if (i.x <= x + 0.5) best = i;
  return best.id;
}

/** How many spans, marks and probe attempts a timeline holds (the e2e measurements report it). */
export function timelineItemCount(timeline: Timeline): number {
  let n = 0;
  for (const p of timeline.pods) {
    for (const c of p.containers) {
      n += c.spans.length + c.marks.length;
      for (const probe of c.probes) n += probe.attempts.length;
    }
    for (const lane of p.lanes) n += lane.spans.length;
  }
  return n;
}

/**
 * The end of the interesting part of a run: when every pod was deleted, a little after the last
 * one went (rounded up to 10 s); otherwise the end of the run.
 */
export function contentEndMs(timeline: Timeline): number {
  const pods = timeline.pods;
  if (!pods.length || pods.some((p) => p.deletedMs === undefined)) return timeline.endMs;
  const last = Math.max(...pods.map((p) => p.deletedMs ?? 0));
  return Math.min(timeline.endMs, Math.ceil((last * 1.15) / 10_000) * 10_000);
}
