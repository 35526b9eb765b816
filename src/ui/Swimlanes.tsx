/**
 * The swimlanes view. React owns the `<svg>` element and its size; `renderSwimlanes` (D3) owns
 * everything inside it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Timeline } from "../sim/index.ts";
import { layoutSwimlanes } from "../viz/layout.ts";
import { renderSwimlanes } from "../viz/render-dom.ts";
import { ROOT_CLASS } from "../viz/scene.ts";

export interface SwimlanesProps {
  timeline: Timeline;
}

export function Swimlanes({ timeline }: SwimlanesProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setWidth(Math.floor(box.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const laidOut = useMemo(
    () => (width > 0 ? layoutSwimlanes(timeline, { width: Math.max(width, 480) }) : undefined),
    [timeline, width],
  );

  useLayoutEffect(() => {
    if (svgRef.current && laidOut) renderSwimlanes(svgRef.current, laidOut);
  }, [laidOut]);

  return (
    <div className="swimlanes-box" ref={boxRef}>
      <svg
        ref={svgRef}
        className={ROOT_CLASS}
        data-testid="swimlanes"
        role="img"
        aria-label="Swimlanes: what each container of each pod does over virtual time"
        width={laidOut?.width ?? 0}
        height={laidOut?.height ?? 0}
        viewBox={laidOut ? `0 0 ${laidOut.width} ${laidOut.height}` : undefined}
      />
    </div>
  );
}
