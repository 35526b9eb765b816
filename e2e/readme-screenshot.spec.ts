/**
 * The picture the README opens with: the playground on a gallery scenario, an item selected and
 * its events below. `UPDATE_ARTIFACTS=1` refreshes the checked-in docs/playground.png.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

test("the README's screenshot of the playground", async ({ playground, page }, info) => {
  await page.setViewportSize({ width: 1440, height: 860 });
  await page.emulateMedia({ colorScheme: "light" });
  await playground.open();
  await playground.examplePicker.selectOption("liveness-exec");
  const s = playground.swimlanes;
  const kill = s.marks("liveness-exec", "liveness", "SIGKILL").first();
  await expect(kill).toBeAttached();
  await playground.playback.jumpTo("2m40s");
  await kill.click();
  await expect(playground.details.heading).toHaveText("SIGKILL");
  await expect(playground.panels.eventRow("Killing")).toBeVisible();
  await page.mouse.move(0, 0);
  // Not a blinking cursor, nor a focus ring, in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const shot = await page.screenshot({ path: info.outputPath("playground.png") });
  if (process.env.UPDATE_ARTIFACTS) {
    mkdirSync("docs", { recursive: true });
    writeFileSync("docs/playground.png", shot);
  }
});
