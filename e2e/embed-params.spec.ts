/**
 * The embed view's parameters, and the embed inside a sandboxed iframe on another site's page
 * (no storage, opaque origin): it renders, autoplays, and loops.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { embedPath } from "./pages/embed.ts";

const example = (id: string) =>
  readFileSync(new URL(`../src/ui/examples/${id}.yaml`, import.meta.url), "utf8");

const playheadMs = async (frame: { getByTestId: (id: string) => import("@playwright/test").Locator }) =>
  Number(await frame.getByTestId("playhead").getAttribute("data-ms"));

test.describe("embed parameters", () => {
  test("start time, speed, lanes and height come from the link", async ({ embed, page }) => {
    await embed.open(example("sidecar-order"), "t=20s&speed=50&lanes=sidecar-order%2Fapp&height=420");
    await expect(embed.swimlanes.playhead).toHaveAttribute("data-ms", "20000");
    await expect(embed.playback.speed).toHaveValue("50");
    await expect(embed.swimlanes.containerLanes()).toHaveCount(1);
    expect(await page.getByTestId("embed").evaluate((el) => el.getBoundingClientRect().height)).toBe(420);
  });

  test("a loop range plays over and over inside its range", async ({ embed }) => {
    await embed.open(example("liveness-exec"), "autoplay=1&loop=10s-20s&speed=25");
    await expect(embed.playback.playToggle).toHaveAttribute("aria-pressed", "true");
    // Over a few seconds of wall time at 25×, the playhead wraps at least once and never leaves the range.
    const seen: number[] = [];
    await expect
      .poll(async () => {
        seen.push(await playheadMs(embed.page));
        return seen.some((ms, i) => i > 0 && ms < (seen[i - 1] ?? 0));
      })
      .toBe(true);
    for (const ms of seen) {
      expect(ms).toBeGreaterThanOrEqual(10_000);
      expect(ms).toBeLessThanOrEqual(20_000);
    }
  });

  test("'Open in playground' carries the scenario and the view on screen", async ({ embed }) => {
    await embed.open(example("init-pod"), "t=5s&speed=25&lang=en");
    const href = await embed.page.getByTestId("open-in-playground").getAttribute("href");
    const url = new URL(href ?? "");
    expect(url.searchParams.get("embed")).toBeNull();
    expect(url.searchParams.get("t")).toBe("5s");
    expect(url.searchParams.get("speed")).toBe("25");
    expect(url.searchParams.get("lang")).toBe("en");
    expect(url.hash).toMatch(/^#v1\//);
  });
});

test.describe("embed in a sandboxed iframe on another site", () => {
  test("renders and autoplays without storage", async ({ page, baseURL }) => {
    // The post is on another origin (localhost) than the app (127.0.0.1), served by the preview
    // server from e2e/fixtures/blog-post.html.
    const app = new URL(baseURL ?? "");
    const embedUrl = `${app.origin}${embedPath(example("liveness-exec"), "autoplay=1")}`;
    await page.goto(
      `http://localhost:${app.port}/__e2e__/blog-post.html?src=${encodeURIComponent(embedUrl)}`,
    );
    const frame = page.frameLocator("#podlife");
    await expect(frame.getByTestId("lane-liveness-exec-liveness")).toBeVisible();
    await expect(frame.getByTestId("play-toggle")).toHaveAttribute("aria-pressed", "true");
    const first = await playheadMs(frame);
    await expect.poll(() => playheadMs(frame)).toBeGreaterThan(first);
    // The frame really is sandboxed: it has no storage at all.
    const storage = await page.frame({ url: /embed=1/ })?.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(storage).toBe("SecurityError");
  });

  test("loads the kubectl emulator on demand for a scenario whose timeline runs commands", async ({
    page,
    baseURL,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const app = new URL(baseURL ?? "");
    const embedUrl = `${app.origin}${embedPath(example("rollout-prestop"), "t=3m")}`;
    await page.goto(
      `http://localhost:${app.port}/__e2e__/blog-post.html?src=${encodeURIComponent(embedUrl)}`,
    );
    const frame = page.frameLocator("#podlife");
    // The rollout is started by `kubectl set image` in the Scenario's timeline: two ReplicaSets
    // mean the command ran, in the worker of a sandboxed frame.
    await expect(frame.locator('[data-testid^="deployment-"]').first()).toBeVisible();
    await expect(frame.locator(".pl-step").first()).toBeVisible();
    expect(requests.some((u) => /\/assets\/kubectl-[\w-]+\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/assets\/Playground-[\w-]+\.js$/.test(u))).toBe(false);
  });
});
