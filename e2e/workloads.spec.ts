import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

const example = (id: string) =>
  readFileSync(new URL(`../src/ui/examples/${id}.yaml`, import.meta.url), "utf8");

test.describe("workloads", () => {
  test("a rollout draws its ReplicaSets and steps; a step explains itself", async ({ playground }) => {
    await playground.openScenario(example("rollout-no-prestop"));
    const w = playground.workloads;
    const deployment = w.deployment("web");
    await expect(deployment.locator('[data-testid^="rs-lane-"]')).toHaveCount(2);
    await expect(deployment).toContainText("rev 2 nginx:1.28");
    await expect(w.steps("web").first()).toBeAttached();
    await w.steps("web").nth(1).click();
    await expect(playground.details.heading).toHaveText(/^Scaled up replica set web-\w+ from 0 to 1$/);
    await expect(playground.details.why).toContainText("maxSurge");
    await expect(playground.page.getByTestId("details-where")).toHaveText("deployment/web");
  });

  test("a failed request shows its pod and why, and brings the pod into view", async ({ playground }) => {
    await playground.openScenario(example("rollout-no-prestop"));
    const w = playground.workloads;
    await expect(w.traffic("web").getByTestId("traffic-summary")).toContainText(/sent, [1-9]\d* failed/);
    await w.failures("web").first().click();
    await expect(playground.details.heading).toContainText("Request failed: connect:");
    await expect(playground.details.why).toContainText("kube-proxy");
    const where = playground.page.getByTestId("details-where");
    await expect(where).toContainText(/service\/web, pod web-/);
    const pod = ((await where.textContent()) ?? "").replace(/^.*pod /, "");
    const group = playground.swimlanes.svg.getByTestId(`pod-${pod}`);
    await expect(group).toHaveClass(/pl-pod-focus/);
    await expect(group).toBeInViewport();
  });

  test("compare: copies the scenario into B, with A/B tabs and one time axis", async ({ playground }) => {
    await playground.openScenario(example("rollout-no-prestop"));
    const w = playground.workloads;
    await w.compareStart.click();
    await expect(w.tab("B")).toHaveAttribute("aria-selected", "true");
    await expect(w.variant("A")).toBeVisible();
    await expect(w.variant("B")).toBeVisible();
    await expect(playground.swimlanes.svg.getByTestId("time-axis")).toHaveCount(1);
    // Same text, same run: the same failures in both.
    const failedA = await w.variant("A").getAttribute("data-failed");
    expect(Number(failedA)).toBeGreaterThan(0);
    await expect(w.variant("B")).toHaveAttribute("data-failed", failedA!);
    await expect(playground.page.getByTestId("variant-failed-B")).toHaveText(`${failedA} failed`);
    // A failure of B is described from B's run.
    await w.failures("web", "B").first().click();
    await expect(playground.details.heading).toContainText("Request failed");
    await w.tab("A").click();
    await expect(w.tab("A")).toHaveAttribute("aria-selected", "true");
    await w.compareStop.click();
    await expect(w.variant("A")).toHaveCount(0);
    await expect(w.traffic("web")).toBeVisible();
  });

  test("the gallery's zero-downtime rollout opens next to its broken twin", async ({ playground }) => {
    await playground.open();
    await playground.gallery.open();
    await playground.gallery.item("rollout-prestop").click();
    const w = playground.workloads;
    await expect(w.variant("A")).toHaveAttribute("data-failed", "0");
    await expect(w.variant("B")).toHaveAttribute("data-failed", /^[1-9]/);
    await expect(playground.swimlanes.svg.getByTestId("variant-header-A")).toHaveText(
      "A: preStop sleep 5s — 0 failed requests",
    );
    await expect(w.tab("A")).toHaveAttribute("aria-selected", "true");
    await expect(playground.editor).toContainText("preStop");
    await w.tab("B").click();
    await expect(playground.editor).not.toContainText("sleep: {seconds: 5}");
  });
});
