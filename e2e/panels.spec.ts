import { expect, test } from "./fixtures.ts";

test.describe("panels", () => {
  test("events read like kubectl describe: aggregated, aged at the playhead, filtered to the selection", async ({
    playground,
  }) => {
    await playground.openExample("liveness-exec");
    const panels = playground.panels;
    await playground.playback.jumpTo("1m");
    await expect(panels.eventsScope).toContainText("all objects");
    // Liveness failures at 35 s, 40 s and 45 s, seen at 60 s: one row, three times.
    await expect(panels.eventRow("Unhealthy").getByTestId("event-age")).toHaveText(/^\d+s \(x3 over \d+s\)$/);
    await expect(panels.eventRow("Killing")).toHaveCount(1);

    // Earlier, fewer of them have happened.
    await playground.playback.jumpTo("20s");
    await expect(panels.eventRow("Unhealthy")).toHaveCount(0);
    await expect(panels.eventRow("Scheduled")).toHaveCount(1);

    // Selecting a container's item narrows the table to that container's events.
    await playground.playback.jumpTo("1m");
    await playground.swimlanes.marks("liveness-exec", "liveness", "SIGTERM").first().click();
    await expect(panels.eventsScope).toContainText("container liveness");
    await expect(panels.eventRow("Scheduled")).toHaveCount(0);
    await expect(panels.eventRow("Unhealthy")).toHaveCount(1);
  });

  test("the pod's status follows the playhead: phase, conditions, container state and restarts", async ({
    playground,
  }) => {
    await playground.openExample("liveness-exec");
    const panels = playground.panels;
    await panels.openTab("status");
    await playground.playback.jumpTo("30s");
    await expect(panels.podStatus.getByTestId("pod-status-phase")).toHaveText("Running");
    await expect(panels.podStatus.getByTestId("pod-condition-Ready")).toHaveText("True");
    const row = panels.podStatus.getByTestId("container-status-liveness");
    await expect(row).toContainText("Running");
    await expect(row.getByTestId("restart-count")).toHaveText("0");
    await playground.playback.jumpTo("4m");
    await expect(row.getByTestId("restart-count")).not.toHaveText("0");
  });

  test("the kubectl console runs commands against the cluster at the playhead", async ({ playground }) => {
    await playground.openExample("liveness-exec");
    const panels = playground.panels;
    await playground.playback.jumpTo("1m");
    const get = await panels.runKubectl("get pods");
    await expect(get).toContainText("[1m] $ kubectl get pods");
    await expect(get.getByTestId("console-stdout")).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    await expect(get.getByTestId("console-stdout")).toContainText(/liveness-exec\s+1\/1\s+Running\s+0\s+60s/);

    // Errors read like kubectl's, with its exit code.
    const missing = await panels.runKubectl("kubectl get pod nope");
    await expect(missing.getByTestId("console-stderr")).toContainText('pods "nope" not found');
    await expect(missing.getByTestId("console-exit")).toHaveText("exit code 1");

    // Later in the run, the restarts show.
    await playground.playback.jumpTo("4m");
    const later = await panels.runKubectl("get pods");
    await expect(later.getByTestId("console-stdout")).not.toContainText(/Running\s+0\s/);

    // Up recalls the last command.
    await panels.consoleInput.press("ArrowUp");
    await expect(panels.consoleInput).toHaveValue("get pods");
  });

  test("get pods -w lists each change of status up to the playhead", async ({ playground }) => {
    await playground.openExample("crashloop");
    await playground.panels.openTab("watch");
    await playground.playback.jumpTo("3s");
    await expect(playground.panels.watchStatuses.last()).toHaveText("Running");
    await expect(playground.panels.watchStatuses.filter({ hasText: "CrashLoopBackOff" })).toHaveCount(0);
    await playground.playback.jumpTo("1m");
    await expect(
      playground.panels.watchStatuses.filter({ hasText: "CrashLoopBackOff" }).first(),
    ).toBeVisible();
    await expect(playground.panels.watchStatuses.filter({ hasText: "Error" }).first()).toBeVisible();
  });

  test("tabs switch with the arrow keys", async ({ playground }) => {
    await playground.openExample("init-pod");
    await playground.page.getByTestId("tab-events").focus();
    await playground.page.keyboard.press("ArrowRight");
    await expect(playground.page.getByTestId("tab-status")).toBeFocused();
    await expect(playground.page.getByTestId("tab-status")).toHaveAttribute("aria-selected", "true");
    await expect(playground.panels.podStatus).toBeVisible();
  });
});

test.describe("console actions", () => {
  test("an action typed in the console is added to the scenario's timeline and replays", async ({
    playground,
  }) => {
    await playground.open();
    await playground.playback.jumpTo("1m");
    const entry = await playground.panels.runKubectl("delete pod first-demo --wait=false");
    await expect(entry.getByTestId("console-stdout")).toContainText('pod "first-demo" deleted');
    await expect(entry.getByTestId("console-recorded")).toContainText(
      "added to the scenario's timeline at 1m",
    );
    await expect(playground.editor).toContainText("kind: Scenario");
    await expect(playground.editor).toContainText("kubectl delete pod first-demo --wait=false");
    // Simulated again with the deletion: the kubelet now stops nginx at 1m.
    await expect(playground.swimlanes.marks("first-demo", "nginx", "killing")).toHaveCount(1);
  });
});
