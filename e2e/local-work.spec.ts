/**
 * No lost work: edits survive a reload, a shared link never silently replaces local work, and a
 * damaged link leaves a usable playground.
 */
import { expect, test } from "./fixtures.ts";
import { PlaygroundPage } from "./pages/playground.ts";

const SHARED =
  "apiVersion: v1\nkind: Pod\nmetadata: {name: shared-pod}\nspec: {containers: [{name: web, image: nginx}]}\n";

test.describe("local work", () => {
  test("a reload keeps edits", async ({ playground }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await playground.waitUntilSaved("sidecar");

    await playground.reload();
    await expect(playground.editor).toContainText("name: sidecar");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await expect(playground.sharePrompt).toHaveCount(0);

    // Without the hash (the bare address typed again), the saved work is what comes back.
    await playground.open("/");
    await expect(playground.editor).toContainText("name: sidecar");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
  });

  test("a shared link does not replace local work without asking, and the work stays saved", async ({
    playground,
    context,
  }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await playground.waitUntilSaved("sidecar");

    // The link opens in another tab of the same browser.
    const other = new PlaygroundPage(await context.newPage());
    await other.openLink(SHARED);
    await expect(other.sharePrompt).toBeVisible();
    await expect(other.sharePrompt).toContainText("Your work stays saved");
    await expect(other.editor).toContainText("name: sidecar");

    await other.openSharedButton.click();
    await expect(other.sharePrompt).toHaveCount(0);
    await expect(other.swimlanes.lane("shared-pod", "web")).toBeVisible();
    await expect(other.editor).toContainText("shared-pod");
    expect((await other.savedWork()).some((t) => t.includes("name: sidecar"))).toBe(true);
  });

  test("keeping my work dismisses the shared link", async ({ playground, context }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await playground.waitUntilSaved("sidecar");

    const other = new PlaygroundPage(await context.newPage());
    await other.openLink(SHARED);
    await other.keepMyWorkButton.click();
    await expect(other.sharePrompt).toHaveCount(0);
    await expect(other.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await expect(other.swimlanes.lane("shared-pod", "web")).toHaveCount(0);
  });

  test("a corrupted link shows a clear message and a usable playground", async ({ playground }) => {
    await playground.open("/#v1/NcsxCoBADETRPqeYCyhoI-QUVvbRDRJks6KLenxd0XIe82W1QbfdkjOOhh");
    await expect(playground.linkError).toHaveText(/damaged and could not be read/);
    await expect(playground.linkError).toHaveAttribute("role", "alert");
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toBeVisible();

    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
  });
});
