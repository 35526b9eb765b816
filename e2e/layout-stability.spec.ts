/**
 * No layout jumps while playing: the main regions and the playback controls keep their boxes on
 * every frame while a gallery scenario plays (the playhead time grows, the panels follow the
 * playhead, an item is selected), and the browser's layout-shift entries add up to ~0.
 */
import { expect, test } from "./fixtures.ts";

/** Test ids of what must not move. */
const REGIONS = [
  "playback",
  "step-previous",
  "play-toggle",
  "step-next",
  "speed",
  "playhead-time",
  "jump-input",
  "sim-status",
  "timeline",
  "details",
  "tab-events",
  "tab-console",
  "diagnostics",
  "editor",
];

/** A layout-shift performance entry (not in TypeScript's DOM types). */
interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

interface Watch {
  /** Largest move of any edge of each region, in px, over all frames sampled. */
  moved: Record<string, number>;
  frames: number;
  /** Sum of layout-shift values not caused by recent input (CLS), and of all of them. */
  cls: number;
  allShifts: number;
  /** What shifted: element, value, and its box before and after. */
  sources: string[];
  /** The same, for shifts within half a second of an input (not CLS). */
  afterInput: string[];
}

test("playing a gallery scenario moves nothing on the page", async ({ playground, page }) => {
  await playground.open();
  await playground.examplePicker.selectOption("liveness-exec");
  await expect(playground.swimlanes.lane("liveness-exec", "liveness")).toBeVisible();
  await playground.playback.jumpTo("0");
  await playground.playback.speed.selectOption("25");

  await page.evaluate((ids) => {
    const w = window as unknown as { stopWatch: () => Watch };
    const boxes = () =>
      ids.map((id) => {
        const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        return r ? [r.left, r.top, r.right, r.bottom] : [Number.NaN, 0, 0, 0];
      });
    const first = boxes();
    const moved: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    let frames = 0;
    let running = true;
    const sample = () => {
      if (!running) return;
      frames++;
      boxes().forEach((b, i) => {
        const id = ids[i]!;
        const d = Math.max(...b.map((v, j) => Math.abs(v - first[i]![j]!)));
        moved[id] = Math.max(moved[id]!, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
      });
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    let cls = 0;
    let allShifts = 0;
    const sources: string[] = [];
    const afterInput: string[] = [];
    const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
    // Rows of the kubectl tables follow the playhead and re-order as kubectl sorts them (events by
    // last timestamp): that is content changing, not the layout jumping.
    const inTableBody = (n: Node | null) =>
      !!(n instanceof Element ? n : n?.parentElement)?.closest(".kubectl-table tbody");
    const add = (entries: PerformanceEntryList) => {
      for (const e of entries as unknown as LayoutShift[]) {
        // Chrome also lists text whose box did not move (its glyphs changed); only what moved counts.
        const moves = (s: NonNullable<LayoutShift["sources"]>[number]) =>
          !inTableBody(s.node) && rect(s.previousRect) !== rect(s.currentRect);
        if (e.sources?.length && !e.sources.some(moves)) continue;
        allShifts += e.value;
        if (!e.hadRecentInput) cls += e.value;
        for (const s of e.value > 0.0001 ? (e.sources ?? []) : []) {
          if (!moves(s)) continue;
          const n = s.node as Element | null;
          const what = n ? `${n.nodeName}.${n.className?.toString?.() ?? ""}` : "?";
          const line = `${what} ${e.value.toFixed(4)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`;
          // Why both: a shift right after a click is not CLS, but it still moved what was clicked near.
          (e.hadRecentInput ? afterInput : sources).push(line);
        }
      }
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: "layout-shift" });
    w.stopWatch = () => {
      running = false;
      add(observer.takeRecords());
      observer.disconnect();
      return { moved, frames, cls, allShifts, sources, afterInput };
    };
  }, REGIONS);

  await playground.playback.playToggle.click();
  await expect(playground.playback.playToggle).toHaveText("Pause");
  // Through pulling, running, the probe failures, SIGTERM and SIGKILL and the back-off.
  await expect
    .poll(async () => Number(await playground.swimlanes.playhead.getAttribute("data-ms")), {
      timeout: 30_000,
    })
    .toBeGreaterThan(100_000);
  await playground.swimlanes.marks("liveness-exec", "liveness", "SIGTERM").first().click();
  await playground.panels.openTab("status");
  await page.waitForTimeout(500);
  await playground.panels.openTab("watch");
  await page.waitForTimeout(500);
  await playground.panels.openTab("events");
  await playground.playback.playToggle.click();
  await expect(playground.playback.playToggle).toHaveText("Play");

  const watch = await page.evaluate(() => (window as unknown as { stopWatch: () => Watch }).stopWatch());
  console.log(`layout stability: ${watch.frames} frames, CLS ${watch.cls}, all shifts ${watch.allShifts}`);
  expect(watch.sources, "what shifted").toEqual([]);
  expect(watch.frames).toBeGreaterThan(20);
  expect(watch.moved).toEqual(Object.fromEntries(REGIONS.map((id) => [id, 0])));
  expect(watch.cls).toBeLessThan(0.001);
  expect(watch.allShifts, `what shifted right after an input: ${watch.afterInput.join("; ")}`).toBeLessThan(
    0.001,
  );
});

test("the columns of the events table stay put as the playhead moves", async ({ playground, page }) => {
  await playground.openExample("liveness-exec");
  const columns = () =>
    page
      .getByTestId("events")
      .locator("thead th")
      .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().left)));
  await playground.playback.jumpTo("10s");
  await expect(playground.panels.eventRows.first()).toBeVisible();
  const early = await columns();
  await playground.playback.jumpTo("4m30s");
  await expect(playground.panels.eventRow("BackOff")).toBeVisible();
  expect(await columns()).toEqual(early);
});
