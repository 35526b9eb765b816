/** Choosing a gallery example never silently replaces work; two tabs keep their own work. */
import { expect, test } from "./fixtures.ts";
import { PlaygroundPage } from "./pages/playground.ts";

test.describe("examples and local work", () => {
  test("an example asks before replacing edited work, and Undo brings the work back", async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();

    await playground.examplePicker.selectOption("crashloop");
    const prompt = page.getByTestId("example-prompt");
    await expect(prompt).toBeVisible();
    await page.getByTestId("example-prompt-keep").click();
    await expect(prompt).toHaveCount(0);
    await expect(playground.editor).toContainText("name: sidecar");

    await playground.gallery.open();
    await playground.gallery.item("crashloop").click();
    await page.getByTestId("example-prompt-open").click();
    await expect(playground.editor).not.toContainText("name: sidecar");
    expect((await playground.savedWork()).some((t) => t.includes("name: sidecar"))).toBe(true);

    await page.getByTestId("example-undo").click();
    await expect(playground.editor).toContainText("name: sidecar");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
  });

  test("switching between unedited examples does not ask", async ({ playground, page }) => {
    await playground.open();
    await playground.examplePicker.selectOption("crashloop");
    await expect(page.getByTestId("example-prompt")).toHaveCount(0);
    await expect(playground.examplePicker).toHaveValue("crashloop");
  });

  test("two tabs edit side by side and each reload keeps its own work", async ({ playground, context }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: tab-one, image: busybox}");
    await playground.waitUntilSaved("tab-one");

    const two = new PlaygroundPage(await context.newPage());
    await two.open("/");
    await two.replaceAllByPasting(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: second}\nspec: {containers: [{name: tab-two, image: busybox}]}\n",
    );
    await two.waitUntilSaved("tab-two");

    await playground.reload();
    await expect(playground.editor).toContainText("name: tab-one");
    await two.reload();
    await expect(two.editor).toContainText("tab-two");
    const saved = await two.savedWork();
    expect(saved.some((t) => t.includes("tab-one"))).toBe(true);
    expect(saved.some((t) => t.includes("tab-two"))).toBe(true);
  });
});
