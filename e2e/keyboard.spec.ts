/**
 * Keyboard accessibility: every control is reachable with Tab and shows a focus ring, and the
 * swimlanes can be read item by item from the keyboard.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** What has the focus: a readable name, and whether a focus ring is drawn around it. */
interface Focused {
  name: string;
  ring: boolean;
  inEditor: boolean;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // A ring on the element, or (for the console's borderless field) on the box around it.
    const ringOn = (e: Element | null) => {
      if (!e) return false;
      const cs = getComputedStyle(e);
      return (
        (cs.outlineStyle !== "none" && Number.parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none"
      );
    };
    const name =
      el.dataset.testid ??
      el.getAttribute("aria-label") ??
      el.id ??
      `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 20) ?? ""}`;
    return {
      name: name || el.tagName.toLowerCase(),
      ring: ringOn(el) || ringOn(el.parentElement),
      inEditor: !!el.closest(".monaco-editor"),
    };
  });
}

/** The controls a keyboard user must be able to reach (outside the editor), by the same names. */
function reachableControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, select, input, textarea, [tabindex]:not([tabindex="-1"])',
      ),
    )
      .filter(
        (el) =>
          !el.closest(".monaco-editor, dialog:not([open]), [hidden]") &&
          el.tabIndex >= 0 &&
          !(el as HTMLButtonElement).disabled &&
          el.getClientRects().length > 0,
      )
      .map(
        (el) =>
          el.dataset.testid ??
          el.getAttribute("aria-label") ??
          el.id ??
          `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 20) ?? ""}`,
      ),
  );
}

test.describe("keyboard", () => {
  test("Tab reaches every control, each with a visible focus ring", async ({ playground, page }) => {
    await playground.open();
    await expect(playground.swimlanes.svg.locator(".pl-lane").first()).toBeVisible();
    const expected = await reachableControls(page);
    expect(expected.length).toBeGreaterThan(10);
    const visited: Focused[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) continue;
      if (visited.some((v) => v.name === f.name)) break; // round the page once
      visited.push(f);
      // Tab indents inside the editor; Monaco's tab focus mode (Ctrl+M) lets it move on.
      if (f.inEditor) await page.keyboard.press("Control+M");
    }
    const names = visited.map((v) => v.name);
    expect(names).toContain("Scenario YAML. Press Control+M to let Tab move the focus out of the editor.");
    for (const c of expected) expect.soft(names, `${c} is reachable with Tab`).toContain(c);
    const ringless = visited.filter((v) => !v.ring && !v.inEditor).map((v) => v.name);
    expect(ringless, "controls without a focus ring").toEqual([]);
  });

  test("the swimlanes: arrows select, the details announce it, Enter moves the playhead there", async ({
    playground,
    page,
  }) => {
    await playground.openExample("liveness-exec");
    // Reach the swimlanes from the playback toolbar with Tab alone.
    await playground.playback.jumpInput.focus();
    await page.keyboard.press("Tab");
    await expect(playground.swimlanes.box).toBeFocused();
    expect((await focused(page))?.ring).toBe(true);

    await expect(playground.details.panel).toHaveAttribute("aria-live", "polite");
    await page.keyboard.press("ArrowRight");
    await expect(playground.details.heading).toHaveText("Pulling image");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(playground.details.heading).toHaveText("Running (ready)");
    const selected = playground.swimlanes.svg.locator(".pl-selected");
    await expect(selected).toHaveCount(1);
    await expect(selected).toHaveAttribute("data-kind", "running");

    // Enter: the playhead goes to where the selected item starts.
    await page.keyboard.press("Enter");
    const at = (await playground.details.time.textContent())?.split("→")[0]?.trim();
    await expect(playground.playback.time).toContainText(`${at} /`);

    // Down to the probe lane, then along it: each step is announced in the details.
    await page.keyboard.press("ArrowDown");
    await expect(playground.details.heading).toHaveText(/liveness probe (success|failure)/);
    const firstProbe = await playground.details.time.textContent();
    await page.keyboard.press("End");
    await expect(playground.details.time).not.toHaveText(firstProbe ?? "");
    await page.keyboard.press("Home");
    await expect(playground.details.time).toHaveText(firstProbe ?? "");
    await page.keyboard.press("Escape");
    await expect(selected).toHaveCount(0);
    await expect(playground.details.heading).toHaveCount(0);
  });
});
