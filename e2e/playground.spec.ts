import { expect, test } from "./fixtures.ts";

test.describe("playground", () => {
  test("opens the init-container demo and draws its lanes, with no console errors", async ({
    playground,
  }) => {
    await playground.open();
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toBeVisible();
    await expect(playground.editor).toContainText("first-demo");
    await expect(playground.page.getByTestId("diagnostics-count")).toHaveText("none");
    await expect(playground.status).toContainText("1 pod");
  });

  test("typing a new container into the editor makes its lane appear", async ({ playground }) => {
    await playground.open();
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toBeVisible();
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toHaveCount(0);

    // The demo ends inside `spec.containers`; a new list item at two spaces adds a container.
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");

    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toBeVisible();
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toContainText("sidecar");
  });

  test("broken YAML is reported with its line and column, in the panel and in the editor", async ({
    playground,
  }) => {
    await playground.open();
    await playground.replaceAllByTyping("kind: Pod: broken");

    const problem = playground.problems().first();
    await expect(problem).toBeVisible();
    await expect(problem).toContainText(/error\s*1:\d+/);
    await expect(playground.status).toContainText("errors");
    // Our marker and the YAML language service's (this proves monaco-yaml's worker runs).
    await expect(playground.editor.locator(".squiggly-error").first()).toBeVisible();
    await expect(playground.editor).not.toHaveAttribute("data-language-markers", "0");

    // Fixing the text clears the problems.
    await playground.replaceAllByPasting(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: fixed}\nspec: {containers: [{name: app, image: nginx}]}\n",
    );
    await expect(playground.page.getByTestId("diagnostics-count")).toHaveText("none");
    await expect(playground.swimlanes.lane("fixed", "app")).toBeVisible();
  });

  test("choosing another example replaces the scenario", async ({ playground }) => {
    await playground.open();
    await playground.page.getByTestId("example-picker").selectOption("liveness-exec");
    await expect(playground.swimlanes.lane("liveness-exec", "liveness")).toBeVisible();
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toHaveCount(0);
    await expect(playground.editor).toContainText("livenessProbe");
  });
});
