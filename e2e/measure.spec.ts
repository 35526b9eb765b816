/**
 * Measurements for the README's development section: printed and attached to the report, never
 * enforced (a slow CI machine must not fail the build).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

const results: Record<string, number | string> = {};

function record(name: string, value: number, unit = "ms"): void {
  results[name] = Math.round(value * 10) / 10;
  test.info().annotations.push({ type: "measurement", description: `${name}: ${results[name]} ${unit}` });
  console.log(`measurement ${name}: ${results[name]} ${unit}`);
}

test.describe("measurements", () => {
  // One worker, one after the other: the numbers are not disturbed by other tests, and one file holds them.
  test.describe.configure({ mode: "serial" });
  test.afterAll(() => {
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/measurements.json", `${JSON.stringify(results, null, 2)}\n`);
  });

  test("cold load to first swimlanes (embed view and playground)", async ({ page }) => {
    for (const [name, path] of [
      ["cold load to first swimlanes, embed view", "/?embed=1"],
      ["cold load to first swimlanes, playground", "/"],
    ] as const) {
      await page.goto("about:blank");
      const started = Date.now();
      await page.goto(path);
      await expect(page.getByTestId("swimlanes").locator(".pl-lane").first()).toBeVisible();
      // The browser's own clock: from navigation start to now.
      const ms = await page.evaluate(() => performance.now());
      record(name, ms);
      record(`${name} (test clock)`, Date.now() - started);
    }
  });

  test("edit to redrawn swimlanes, for each gallery scenario", async ({ playground, page }) => {
    await playground.open();
    const ids = await playground.examplePicker
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const timeline = page.getByTestId("timeline");
    // The time of the last keystroke, on the page's own clock.
    await page.evaluate(() => {
      document.addEventListener(
        "keydown",
        () => {
          (window as unknown as { lastKeyAt: number }).lastKeyAt = performance.now();
        },
        true,
      );
    });
    let worst = 0;
    for (const id of ids) {
      // A scenario the API server rejects (maxSurge 0 with maxUnavailable 0) draws nothing new.
      if (id === "maxsurge-zero") continue;
      await playground.examplePicker.selectOption(id);
      await expect(playground.status).toHaveAttribute("data-busy", "false");
      await playground.typeAtEnd("\n# edited ");
      await expect(playground.status).toHaveAttribute("data-busy", "false");
      // One keystroke on a quiet page: from its keydown to the swimlanes drawn again.
      const before = await timeline.getAttribute("data-redrawn-at");
      await page.keyboard.type("x");
      await expect.poll(() => timeline.getAttribute("data-redrawn-at")).not.toBe(before);
      const ms = await timeline.evaluate(
        (el) => Number(el.dataset.redrawnAt) - (window as unknown as { lastKeyAt: number }).lastKeyAt,
      );
      record(`edit to redrawn swimlanes (keystroke to drawn), ${id}`, ms);
      worst = Math.max(worst, ms);
    }
    record("edit to redrawn swimlanes, worst gallery scenario", worst);
  });

  test("pan and zoom frame time with 10,000+ bars and probe ticks", async ({ playground, page }) => {
    // 12 containers whose readiness probe (every second, for 5 minutes) passes and fails in turn,
    // their readiness flipping with it: well over 10,000 attempts and bars, which no merging of
    // equal neighbours can shrink. Simulating them takes a while on a busy machine.
    test.setTimeout(180_000);
    const containers = Array.from(
      { length: 12 },
      (_, i) =>
        `  - name: c${i}\n    image: busybox\n    command: ["sh", "-c", "while true; do touch /tmp/ok; sleep 1; rm /tmp/ok; sleep 1; done"]\n    readinessProbe:\n      exec: {command: ["cat", "/tmp/ok"]}\n      periodSeconds: 1\n      failureThreshold: 1`,
    ).join("\n");
    await playground.openScenario(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: dense\nspec:\n  containers:\n${containers}\n---\napiVersion: podlife.dev/v1alpha1\nkind: Scenario\nspec:\n  duration: 5m\n`,
      { timeout: 120_000 },
    );
    await expect(playground.status).toHaveAttribute("data-busy", "false");
    const lanes = playground.swimlanes.box;
    record(
      "spans, marks and probe attempts in the timeline",
      Number(await lanes.getAttribute("data-timeline-items")),
      "items",
    );
    const items = Number(await lanes.getAttribute("data-item-count"));
    record("bars and probe ticks, whole run in view", items, "items");
    console.log(`bars and probe ticks drawn on: ${await lanes.getAttribute("data-drawn-on")}`);
    const box = await playground.swimlanes.svg.boundingBox();
    if (!box) throw new Error("no swimlanes");
    // One zoom or pan step at a time, timed from the event to the frame after it was drawn.
    const steps = await page.evaluate(async () => {
      const svg = document.querySelector('[data-testid="swimlanes"]') as SVGSVGElement;
      const lanes = document.querySelector('[data-testid="swimlanes-box"]') as HTMLElement;
      const r = svg.getBoundingClientRect();
      const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const times: number[] = [];
      const maxElements: number[] = [];
      const maxTicks: number[] = [];
      const step = async (fire: () => void) => {
        const t0 = performance.now();
        fire();
        await frame();
        times.push(performance.now() - t0);
        maxElements.push(svg.querySelectorAll("*").length);
        maxTicks.push(Number(lanes.dataset.itemCount));
      };
      const wheel = (dy: number) => () =>
        svg.dispatchEvent(
          new WheelEvent("wheel", {
            deltaY: dy,
            clientX: r.left + r.width * 0.6,
            clientY: r.top + 80,
            bubbles: true,
            cancelable: true,
          }),
        );
      const key = (k: string) => () =>
        lanes.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
      for (let i = 0; i < 12; i++) await step(wheel(-60));
      for (let i = 0; i < 12; i++) await step(key(i % 4 < 2 ? "a" : "d"));
      for (let i = 0; i < 12; i++) await step(wheel(60));
      const sorted = [...times].sort((a, b) => a - b);
      return {
        median: sorted[Math.floor(sorted.length / 2)]!,
        p95: sorted[Math.floor(sorted.length * 0.95)]!,
        mostElements: Math.max(...maxElements),
        mostTicks: Math.max(...maxTicks),
      };
    });
    record("bars and probe ticks, most at any zoom step", steps.mostTicks, "items");
    record("SVG elements, most at any zoom step", steps.mostElements, "elements");
    record("pan/zoom frame time, median", steps.median);
    record("pan/zoom frame time, 95th percentile", steps.p95);
  });
});
