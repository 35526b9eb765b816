import { expect, test } from "./fixtures.ts";

test.describe("themes", () => {
  test("light and dark can be chosen, apply to the page and the swimlanes, and survive a reload", async ({
    playground,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await playground.openExample("init-pod");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-effective-theme", "light");
    const laneFill = () =>
      page
        .getByTestId("lane-first-demo-nginx")
        .locator(".pl-lane-bg")
        .evaluate((el) => getComputedStyle(el).fill);
    const light = await laneFill();

    await playground.theme.selectOption("dark");
    await expect(html).toHaveAttribute("data-effective-theme", "dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(15, 18, 22)",
    );
    expect(await laneFill()).not.toBe(light);

    await page.reload();
    await expect(html).toHaveAttribute("data-effective-theme", "dark");
    await expect(playground.theme).toHaveValue("dark");

    // "System" follows the system's preference.
    await playground.theme.selectOption("system");
    await expect(html).toHaveAttribute("data-effective-theme", "light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html).toHaveAttribute("data-effective-theme", "dark");
  });

  test("nothing moves while playing: the panels keep their size and place", async ({ playground, page }) => {
    await playground.openExample("liveness-exec");
    const boxes = async () =>
      Promise.all(
        ["playback", "swimlanes-box", "details", "tab-events", "diagnostics"].map((id) =>
          page.getByTestId(id).boundingBox(),
        ),
      );
    await playground.playback.jumpTo("0");
    const before = await boxes();
    await playground.playback.speed.selectOption("100");
    await playground.playback.playToggle.click();
    await expect
      .poll(async () => Number(await playground.swimlanes.playhead.getAttribute("data-ms")))
      .toBeGreaterThan(20_000);
    await playground.swimlanes.marks("liveness-exec", "liveness", "SIGTERM").first().click();
    const during = await boxes();
    expect(during).toEqual(before);
  });
});
