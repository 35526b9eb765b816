/**
 * A crowded view: thousands of bars and probe ticks are drawn on a canvas under the SVG, and stay
 * hoverable, clickable and reachable from the keyboard.
 */
import { expect, test } from "./fixtures.ts";

/** `n` containers whose readiness probe passes and fails in turn every second, for 5 minutes. */
function crowded(n: number): string {
  const containers = Array.from(
    { length: n },
    (_, i) => `  - name: c${i}
    image: busybox
    command: ["sh", "-c", "while true; do touch /tmp/ok; sleep 1; rm /tmp/ok; sleep 1; done"]
    readinessProbe:
      exec: {command: ["cat", "/tmp/ok"]}
      periodSeconds: 1
      failureThreshold: 1`,
  );
  return `apiVersion: v1
kind: Pod
metadata:
  name: crowded
spec:
  containers:
${containers.join("\n")}
`;
}

test("thousands of bars and ticks go on a canvas and can still be pointed at and selected", async ({
  playground,
  page,
}) => {
  await playground.openScenario(crowded(6));
  const s = playground.swimlanes;
  await expect(s.box).toHaveAttribute("data-drawn-on", "canvas");
  expect(Number(await s.box.getAttribute("data-item-count"))).toBeGreaterThan(1500);
  await expect(page.getByTestId("swimlanes-canvas")).toBeVisible();
  await expect(s.svg.locator(".pl-probe")).toHaveCount(0);

  // Pointing at the probe lane finds the tick under the pointer on the canvas.
  const lane = await s.probeLane("crowded", "c0", "readiness").boundingBox();
  if (!lane) throw new Error("no probe lane");
  await page.mouse.move(lane.x + lane.width * 0.5, lane.y + lane.height / 2);
  await expect(s.tooltip).toContainText(/readiness probe (success|failure)/);
  await page.mouse.click(lane.x + lane.width * 0.5, lane.y + lane.height / 2);
  await expect(playground.details.heading).toHaveText(/readiness probe (success|failure)/);

  // Zoomed in far enough, the view is SVG again.
  await s.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press("w");
  await expect(s.box).toHaveAttribute("data-drawn-on", "svg");
  await expect(s.svg.locator(".pl-probe").first()).toBeAttached();
});

test("a selection moved from the keyboard onto the canvas is scrolled into view", async ({
  playground,
  page,
}) => {
  // Fourteen containers: taller than the pane, and enough probe ticks for the canvas.
  await playground.openScenario(crowded(14));
  const s = playground.swimlanes;
  await expect(s.box).toHaveAttribute("data-drawn-on", "canvas");
  // The bottom lane: the pod's Ready condition, under the fourteen containers.
  const last = s.podLane("crowded", "Ready");
  await expect(last).not.toBeInViewport();
  await s.focus();
  await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowDown");
  await expect(playground.details.heading).toHaveText(/^Ready: (True|False)$/);
  await expect(last).toBeInViewport();
});
