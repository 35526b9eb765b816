import { expect, test } from "./fixtures.ts";

const SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: kinds
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "sleep 1"]
  - name: proxy
    image: busybox
    restartPolicy: Always
    command: ["sh", "-c", "while true; do sleep 1; done"]
  containers:
  - name: app
    image: nginx
`;

test.describe("swimlanes", () => {
  test("tell init, sidecar and regular containers apart, with pod lanes for phase and Ready", async ({
    playground,
  }) => {
    await playground.openScenario(SIDECAR);
    const s = playground.swimlanes;
    await expect(s.lane("kinds", "setup")).toHaveAttribute("data-container-kind", "init");
    await expect(s.lane("kinds", "proxy")).toHaveAttribute("data-container-kind", "sidecar");
    await expect(s.lane("kinds", "app")).toHaveAttribute("data-container-kind", "regular");
    await expect(s.lane("kinds", "setup")).toContainText("init");
    await expect(s.lane("kinds", "proxy")).toContainText("sidecar");
    await expect(s.bars("kinds", "setup", "terminated")).toHaveCount(1);
    await expect(s.bars("kinds", "app", "pulling")).toHaveCount(1);
    await expect(s.podLane("kinds", "phase")).toContainText("Running");
    await expect(s.podLane("kinds", "Ready")).toBeVisible();
  });

  test("draw restarts: grace countdown, SIGTERM and SIGKILL marks, back-off, exit codes, probe ticks", async ({
    playground,
  }) => {
    await playground.openExample("liveness-exec");
    const s = playground.swimlanes;
    await expect(s.marks("liveness-exec", "liveness", "SIGKILL").first()).toBeAttached();
    expect(await s.marks("liveness-exec", "liveness", "SIGTERM").count()).toBeGreaterThan(0);
    expect(await s.bars("liveness-exec", "liveness", "grace").count()).toBeGreaterThan(0);
    expect(await s.bars("liveness-exec", "liveness", "backoff").count()).toBeGreaterThan(0);
    await expect(s.bars("liveness-exec", "liveness", "backoff").first()).toHaveAttribute(
      "data-layer",
      "state",
    );
    await expect(s.bars("liveness-exec", "liveness", "grace").first()).toHaveAttribute(
      "data-layer",
      "overlay",
    );
    expect(await s.probeTicks("liveness-exec", "liveness", "liveness", "success").count()).toBeGreaterThan(0);
    expect(await s.probeTicks("liveness-exec", "liveness", "liveness", "failure").count()).toBeGreaterThan(0);
  });

  test("hovering a mark shows what it is and why", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const kill = playground.swimlanes.marks("liveness-exec", "liveness", "SIGKILL").first();
    await kill.hover();
    await expect(playground.swimlanes.tooltip).toContainText(/SIGKILL at 1m\d/);
    await expect(playground.swimlanes.tooltip).toContainText("grace period");
    await playground.page.mouse.move(5, 5);
    await expect(playground.swimlanes.tooltip).toHaveCount(0);
  });

  test("clicking an item selects it and the details panel says why; Escape clears it", async ({
    playground,
  }) => {
    await playground.openExample("liveness-exec");
    const kill = playground.swimlanes.marks("liveness-exec", "liveness", "SIGKILL").first();
    await kill.click();
    await expect(kill).toHaveClass(/pl-selected/);
    await expect(playground.details.heading).toHaveText("SIGKILL");
    // The sentence ties the kill to the rule: the grace period ran out and PID 1 ignored SIGTERM.
    await expect(playground.details.why).toContainText("grace period");
    await expect(playground.details.why).toContainText("PID 1");
    await expect(playground.details.time).toHaveText(/^1m\d+(\.\d+)?s$/);

    // A bar says why too.
    await playground.swimlanes.bars("liveness-exec", "liveness", "backoff").first().click();
    await expect(playground.details.why).toContainText("CrashLoopBackOff");

    await playground.swimlanes.focus();
    await playground.page.keyboard.press("Escape");
    await expect(playground.details.why).toHaveCount(0);
  });

  test("arrow keys move the selection along a lane and between lanes", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    await playground.swimlanes.focus();
    await playground.page.keyboard.press("ArrowRight");
    await expect(playground.details.heading).toHaveText("Pulling image");
    await playground.page.keyboard.press("ArrowRight");
    await expect(playground.details.heading).toHaveText("Created");
    await playground.page.keyboard.press("ArrowDown");
    await expect(playground.details.heading).toHaveText(/liveness probe/);
  });

  test("W/S zoom, A/D pan and F fits; the axis follows", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const s = playground.swimlanes;
    await expect(s.box).toHaveAttribute("data-view-end", "300000");
    await s.focus();
    await playground.page.keyboard.press("w");
    await playground.page.keyboard.press("w");
    await expect(s.box).toHaveAttribute("data-zoomed", "true");
    const zoomed = await s.viewRange();
    expect(zoomed.endMs - zoomed.startMs).toBeLessThan(300_000 / 2);
    await playground.page.keyboard.press("a");
    await playground.page.keyboard.press("a");
    await expect.poll(async () => (await s.viewRange()).startMs).toBeLessThan(zoomed.startMs);
    const panned = await s.viewRange();
    await playground.page.keyboard.press("d");
    await expect.poll(async () => (await s.viewRange()).startMs).toBeGreaterThan(panned.startMs);
    await playground.page.keyboard.press("s");
    const out = await s.viewRange();
    expect(out.endMs - out.startMs).toBeGreaterThan(zoomed.endMs - zoomed.startMs);
    await playground.page.keyboard.press("f");
    await expect(s.box).toHaveAttribute("data-view-start", "0");
    await expect(s.box).toHaveAttribute("data-view-end", "300000");
    await expect(s.box).toHaveAttribute("data-zoomed", "false");
  });

  test("the wheel zooms around the pointer and dragging pans", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const s = playground.swimlanes;
    const lane = await s.lane("liveness-exec", "liveness").boundingBox();
    if (!lane) throw new Error("no lane");
    const x = lane.x + lane.width * 0.6;
    const y = lane.y + lane.height / 2;
    await playground.page.mouse.move(x, y);
    await playground.page.mouse.wheel(0, -400);
    await expect(s.box).toHaveAttribute("data-zoomed", "true");
    const before = await s.viewRange();
    expect(before.startMs).toBeGreaterThan(0);
    await playground.page.mouse.down();
    await playground.page.mouse.move(x + 150, y, { steps: 5 });
    await playground.page.mouse.up();
    await expect.poll(async () => (await s.viewRange()).startMs).toBeLessThan(before.startMs);
  });
});
