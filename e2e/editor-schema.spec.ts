import { expect, test } from "./fixtures.ts";

/** Flow style: pasting keeps the text exactly (Monaco re-indents pasted block mappings). */
const pod = (spec: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {${spec}containers: [{name: web, image: "nginx:1.27"}]}`;

test.describe("editor schemas", () => {
  test("a valid Pod has no schema problems; a wrongly typed field gets one", async ({ playground }) => {
    await playground.open();
    await playground.replaceAllByPasting(pod("restartPolicy: Always, "));
    await expect(playground.swimlanes.lane("web", "web")).toBeVisible();
    await expect(playground.editor).toHaveAttribute("data-language-markers", "0");

    await playground.replaceAllByPasting(pod("terminationGracePeriodSeconds: soon, "));
    await expect(playground.editor).not.toHaveAttribute("data-language-markers", "0");
  });

  test("hovering a field shows its Kubernetes documentation", async ({ playground, page }) => {
    await playground.open();
    await playground.replaceAllByPasting(pod(""));
    // The cursor ends on the `spec:` line: go to its start and ask for the hover.
    await page.keyboard.press("Home");
    await page.keyboard.press("ControlOrMeta+K");
    await page.keyboard.press("ControlOrMeta+I");
    await expect(
      page.locator(".monaco-hover").filter({ hasText: "Specification of the desired behavior of the pod" }),
    ).toBeVisible();
  });
});
