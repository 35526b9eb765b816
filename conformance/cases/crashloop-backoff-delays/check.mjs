// CrashLoopBackOff: the first crash restarts at once, then the kubelet waits 10 s, 20 s, 40 s,
// 80 s, 160 s and 300 s (capped) after each exit, each possibly up to one 10-15 s pod-worker
// re-check late (e2e pods.go "should cap back-off at MaxContainerBackOff": capped delay in
// [300 s, 390 s]). The waiting message prints the current back-off as a Go duration.
// Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (`back-off %s restarting
// failed container=%s pod=%s`), pkg/kubelet/kubelet.go (initial 10 s, MaxContainerBackOff 300 s),
// staging/src/k8s.io/client-go/util/flowcontrol/backoff.go, pkg/kubelet/pod_workers.go (sync error
// re-queue 10-15 s), pkg/kubelet/events/event.go (BackOff `Back-off restarting failed container %s
// in pod %s`), pkg/printers/internalversion/printers.go (RESTARTS `N (AGE ago)`).
export default (records, { json, rec, events, table, containerStatus, assert, between }) => {
  const snaps = records.filter((r) => r.command === "kubectl get pod crash -o json").map((r) => json(r));
  const uid = snaps[0].metadata.uid;
  const gaps = new Map();
  const messages = new Set();
  let lastCount = 0;
  for (const p of snaps) {
    assert(p.status.phase === "Running", `phase ${p.status.phase}: a crash-looping Always pod stays Running`);
    const c = containerStatus(p, "app");
    assert(c.restartCount >= lastCount, "restartCount never decreases");
    lastCount = c.restartCount;
    if (c.state.waiting) {
      assert(c.state.waiting.reason === "CrashLoopBackOff", `waiting reason ${c.state.waiting.reason}`);
      messages.add(c.state.waiting.message);
      assert(c.lastState.terminated?.exitCode === 1 && c.lastState.terminated.reason === "Error", "lastState holds the crashed instance");
    }
    if (c.state.running && c.lastState.terminated) {
      gaps.set(c.restartCount, (Date.parse(c.state.running.startedAt) - Date.parse(c.lastState.terminated.finishedAt)) / 1000);
    }
    if (c.state.terminated) assert(c.state.terminated.exitCode === 1 && c.state.terminated.reason === "Error", JSON.stringify(c.state));
  }
  const expected = [0, 10, 20, 40, 80, 160, 300, 300];
  for (let n = 1; n <= expected.length; n++) {
    assert(gaps.has(n), `restart #${n} not observed (restarts seen: ${[...gaps.keys()]})`);
    const want = expected[n - 1];
    // Timestamps have 1 s resolution; the re-check adds up to 15 s.
    between(gaps.get(n), Math.max(0, want - 1), want + (want === 0 ? 3 : 16), `delay before restart #${n} (s)`);
  }
  for (const m of messages) {
    assert(
      new RegExp(`^back-off (10s|20s|40s|1m20s|2m40s|5m0s) restarting failed container=app pod=crash_default\\(${uid}\\)$`).test(m),
      `waiting message ${m}`,
    );
  }
  for (const d of ["20s", "40s", "1m20s", "2m40s", "5m0s"]) {
    assert([...messages].some((m) => m.startsWith(`back-off ${d} `)), `never saw back-off ${d} (saw ${[...messages]})`);
  }
  const bo = events(rec(records, "get events"), { reason: "BackOff" });
  assert(bo.length === 1 && bo[0].type === "Warning" && bo[0].message === `Back-off restarting failed container app in pod crash_default(${uid})`, JSON.stringify(bo.map((e) => e.message)));
  assert(bo[0].count >= 8, `BackOff count ${bo[0].count}`);
  const row = table(rec(records, "get pods"))[0];
  assert(/^\d+ \((\d+s|\d+m\d+s) ago\)$/.test(row.RESTARTS), `RESTARTS ${row.RESTARTS}`);
  assert(["CrashLoopBackOff", "Error", "Running"].includes(row.STATUS), `STATUS ${row.STATUS}`);
};
