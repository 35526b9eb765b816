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

  test("pan and zoom frame time with 10,000 probe attempts", async ({ playground, page }) => {
    // 35 containers × 1 probe each, every second for 5 minutes: 10,500 attempts.
    const containers = Array.from(
      { length: 35 },
      (_, i) =>
        `  - name: c${i}\n    image: busybox\n    command: ["sh", "-c", "sleep 3600"]\n    readinessProbe:\n      exec: {command: ["true"]}\n      periodSeconds: 1`,
    ).join("\n");
    await playground.openScenario(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: dense\nspec:\n  containers:\n${containers}\n`,
    );
    const attempts = await page.locator(".pl-probe").count();
    record("probe ticks drawn (after merging) for ~10,000 attempts", attempts, "elements");
    const lane = await playground.swimlanes.lane("dense", "c0").boundingBox();
    if (!lane) throw new Error("no lane");
    await page.mouse.move(lane.x + lane.width / 2, lane.y + 5);
    await playground.swimlanes.focus();
    // Zoom in and out with the wheel while counting frames.
    const measured = page.evaluate(async () => {
      const times: number[] = [];
      let last = performance.now();
      const end = last + 2000;
      await new Promise<void>((resolve) => {
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
    });
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -200 : 200);
    for (let i = 0; i < 10; i++) await page.keyboard.press(i % 2 ? "a" : "d");
    const { median, p95 } = await measured;
    record("pan/zoom frame time, median", median);
    record("pan/zoom frame time, 95th percentile", p95);
  });
});
