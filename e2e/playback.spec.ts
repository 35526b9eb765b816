import { expect, test } from "./fixtures.ts";

test.describe("playback", () => {
  test("jumping to a time moves the playhead there", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const pb = playground.playback;
    await expect(pb.time).toContainText("5m / 5m");
    await pb.jumpTo("1m30s");
    await expect(pb.time).toContainText("1m30s / 5m");
    await expect(playground.swimlanes.playhead).toHaveAttribute("data-ms", "90000");
    // Not a time: the box says so and the playhead stays.
    await pb.jumpTo("soon");
    await expect(pb.jumpInput).toHaveAttribute("aria-invalid", "true");
    await expect(playground.swimlanes.playhead).toHaveAttribute("data-ms", "90000");
  });

  test("stepping goes from one event to the next and back", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const pb = playground.playback;
    const playhead = () => playground.swimlanes.playhead.getAttribute("data-ms").then(Number);
    await pb.jumpTo("0");
    await expect(playground.swimlanes.playhead).toHaveAttribute("data-ms", "0");
    await pb.stepNext.click();
    await expect.poll(playhead).toBeGreaterThan(0); // the pod is scheduled
    const first = await playhead();
    await pb.stepNext.click();
    await expect.poll(playhead).toBeGreaterThan(first); // the image pull starts
    const second = await playhead();
    await pb.stepPrevious.click();
    await expect.poll(playhead).toBe(first);
    // From the keyboard, on the swimlanes: "." and ",".
    await playground.swimlanes.focus();
    await playground.page.keyboard.press(".");
    await expect.poll(playhead).toBe(second);
    await playground.page.keyboard.press(",");
    await expect.poll(playhead).toBe(first);
  });

  test("play advances the playhead at the chosen speed; pause stops it", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const pb = playground.playback;
    await pb.jumpTo("0");
    await pb.speed.selectOption("100");
    await pb.playToggle.click();
    await expect(pb.playToggle).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => Number(await playground.swimlanes.playhead.getAttribute("data-ms")))
      .toBeGreaterThan(5_000);
    await pb.playToggle.click();
    await expect(pb.playToggle).toHaveAttribute("aria-pressed", "false");
    const stopped = await playground.swimlanes.playhead.getAttribute("data-ms");
    await playground.page.waitForTimeout(300);
    expect(await playground.swimlanes.playhead.getAttribute("data-ms")).toBe(stopped);
  });

  test("the playhead can be dragged along the axis", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    await playground.swimlanes.dragPlayhead(0.1, 0.5);
    await expect
      .poll(async () => Number(await playground.swimlanes.playhead.getAttribute("data-ms")))
      .toBeGreaterThan(140_000);
    expect(Number(await playground.swimlanes.playhead.getAttribute("data-ms"))).toBeLessThan(160_000);
  });

  test("the embed view plays too", async ({ embed }) => {
    await embed.open();
    await embed.playback.jumpTo("2s");
    await expect(embed.playback.time).toContainText("2s / 5m");
  });
});
