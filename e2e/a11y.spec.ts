/**
 * Accessibility: an axe scan of the playground (default view, with a selection, dark theme) and
 * of the embed view finds no serious or critical violations.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** The serious and critical violations axe finds on the page, one line each (empty when none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`,
          )
          .join("; ")}`,
    );
}

test.describe("accessibility (axe)", () => {
  test("the playground, as opened", async ({ playground, page }) => {
    await playground.open();
    await expect(playground.swimlanes.svg.locator(".pl-lane").first()).toBeVisible();
    expect.soft(await seriousViolations(page)).toEqual([]);
  });

  test("the playground with an item selected, in both themes", async ({ playground, page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await playground.open("/");
    await playground.swimlanes.focus();
    await page.keyboard.press("ArrowRight");
    await expect(playground.details.heading).toBeVisible();
    expect.soft(await seriousViolations(page)).toEqual([]);
    await playground.theme.selectOption("dark");
    await expect(page.locator("html")).toHaveAttribute("data-effective-theme", "dark");
    expect.soft(await seriousViolations(page)).toEqual([]);
  });

  test("the playground's gallery dialog and console tab", async ({ playground, page }) => {
    await playground.open();
    await playground.panels.runKubectl("kubectl get pods");
    expect.soft(await seriousViolations(page)).toEqual([]);
    await playground.gallery.open();
    expect.soft(await seriousViolations(page)).toEqual([]);
  });

  test("the embed view, light and dark", async ({ embed, page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await embed.open();
    await expect(embed.swimlanes.svg.locator(".pl-lane").first()).toBeVisible();
    expect.soft(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveAttribute("data-effective-theme", "dark");
    expect.soft(await seriousViolations(page)).toEqual([]);
  });
});
