/**
 * Compare mode is one piece of work: a reload, a shared link and the example prompt's Undo all
 * keep both variants and the open tab.
 */
import published from "../src/share/fixtures/links.json" with { type: "json" };
import { expect, test } from "./fixtures.ts";
import { PlaygroundPage } from "./pages/playground.ts";

const ONLY_IN_B = "  - {name: only-in-b, image: busybox}";

test.describe("compare mode in links and local work", () => {
  test("a reload keeps both variants and the open tab, and the address opens them elsewhere", async ({
    playground,
    browser,
  }) => {
    const w = playground.workloads;
    await playground.open();
    await w.compareStart.click();
    await expect(w.tab("B")).toHaveAttribute("aria-selected", "true");
    await playground.typeAtEnd(ONLY_IN_B);
    await expect(playground.swimlanes.lane("first-demo", "only-in-b")).toBeVisible();
    await expect
      .poll(async () => (await playground.savedVariantB()).some((t) => t.includes("only-in-b")))
      .toBe(true);
    await expect.poll(() => playground.page.url()).toContain("#v2/");

    await playground.reload();
    await expect(w.tab("B")).toHaveAttribute("aria-selected", "true");
    await expect(playground.editor).toContainText("name: only-in-b");
    await expect(w.variant("A")).toBeVisible();
    await expect(w.variant("B")).toBeVisible();
    const onTabB = playground.page.url();
    await w.tab("A").click();
    await expect(playground.editor).not.toContainText("name: only-in-b");
    // The open tab is part of the link: the address changes when it does.
    await expect.poll(() => playground.page.url()).not.toBe(onTabB);

    // A browser without this work opens the address as a shared link: both variants, tab A open.
    const link = playground.page.url();
    const elsewhere = await browser.newContext();
    const other = new PlaygroundPage(await elsewhere.newPage());
    await other.open(link);
    await expect(other.sharePrompt).toHaveCount(0);
    await expect(other.workloads.tab("A")).toHaveAttribute("aria-selected", "true");
    await expect(other.workloads.variant("B")).toBeVisible();
    await other.workloads.tab("B").click();
    await expect(other.editor).toContainText("name: only-in-b");
    await elsewhere.close();
  });

  test("a committed v2 link opens compare mode on its open tab with its titles", async ({ playground }) => {
    const link = published.links.find((l) => l.hash.startsWith("#v2/"))!;
    await playground.open(`/${link.hash}`);
    const w = playground.workloads;
    await expect(w.tab("B")).toHaveAttribute("aria-selected", "true");
    await expect(w.tab("B")).toContainText("宽限 5 秒");
    await expect(w.tab("A")).toContainText("grace 30s");
    await expect(playground.editor).toContainText("terminationGracePeriodSeconds: 5");
  });

  test("an example asks before replacing a compare session, and Undo brings back both variants", async ({
    playground,
    page,
  }) => {
    const w = playground.workloads;
    await playground.open();
    await w.compareStart.click();
    await playground.typeAtEnd(ONLY_IN_B);
    await expect(playground.swimlanes.lane("first-demo", "only-in-b")).toBeVisible();

    await playground.examplePicker.selectOption("crashloop");
    await page.getByTestId("example-prompt-open").click();
    await expect(w.compareStart).toBeVisible();
    expect((await playground.savedVariantB()).some((t) => t.includes("only-in-b"))).toBe(true);

    await page.getByTestId("example-undo").click();
    await expect(w.tab("B")).toHaveAttribute("aria-selected", "true");
    await expect(playground.editor).toContainText("name: only-in-b");
    await expect(w.variant("A")).toBeVisible();
  });

  test("an example that opens in compare mode survives a reload", async ({ playground, page }) => {
    await playground.open();
    await playground.examplePicker.selectOption("recreate");
    const w = playground.workloads;
    await expect(w.tab("B")).toContainText("RollingUpdate");
    await expect(page.getByTestId("example-prompt")).toHaveCount(0);
    await expect.poll(() => page.url()).toContain("#v2/");
    await playground.reload();
    await expect(w.tab("A")).toHaveAttribute("aria-selected", "true");
    await expect(w.tab("B")).toContainText("RollingUpdate");
    await expect(w.variant("B")).toBeVisible();
  });

  test("a selection inside variant B travels in the link and opens selected", async ({
    playground,
    page,
  }) => {
    const link = published.links.find((l) => l.hash.startsWith("#v2/"))!;
    await playground.open(`/${link.hash}`);
    const w = playground.workloads;
    await expect(w.variant("B")).toBeVisible();
    const bar = w.variant("B").getByTestId("lane-web-nginx").locator('.pl-bar[data-kind="running"]').first();
    const id = await bar.getAttribute("data-item");
    expect(id).toMatch(/^B:/);
    await bar.click();
    await expect(playground.details.heading).toBeVisible();
    const heading = await playground.details.heading.textContent();
    await expect.poll(() => new URL(page.url()).searchParams.get("sel")).toBe(id);

    await playground.reload();
    await expect(w.variant("B")).toBeVisible();
    await expect(playground.details.heading).toHaveText(heading!);
    await expect(w.variant("B").locator(".pl-selected")).toHaveAttribute("data-item", id!);
  });

  test("the embed view of a compare link draws both variants under their titles", async ({ embed, page }) => {
    const link = published.links.find((l) => l.hash.startsWith("#v2/"))!;
    await page.goto(`/?embed=1${link.hash}`);
    await expect(embed.swimlanes.svg.getByTestId("variant-A")).toBeVisible();
    await expect(embed.swimlanes.svg.getByTestId("variant-B")).toBeVisible();
    await expect(embed.swimlanes.svg).toContainText("A: grace 30s");
    await expect(embed.swimlanes.svg).toContainText("B: 宽限 5 秒");
    await expect(page.getByTestId("editor")).toHaveCount(0);
    // "Open in playground" carries both variants.
    await expect(page.getByTestId("open-in-playground")).toHaveAttribute("href", /#v2\//);
  });
});
