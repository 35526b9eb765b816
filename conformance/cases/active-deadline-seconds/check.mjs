// activeDeadlineSeconds (e2e pods.go "should allow activeDeadlineSeconds to be updated": the pod is
// terminated with reason DeadlineExceeded). The kubelet's active-deadline handler is a
// PodSyncLoopHandler checked on the 1 s sync ticker, so the pod fails within ~1-2 s of
// status.startTime + activeDeadlineSeconds, not at the next 60-90 s resync.
// Sources: pkg/kubelet/active_deadline.go (ShouldSync/ShouldEvict; reason `DeadlineExceeded`,
// message `Pod was active on the node longer than the specified deadline`, Normal event),
// pkg/kubelet/kubelet.go syncLoopIteration (syncCh every 1 s → getPodsToSync → PodSyncLoopHandlers),
// pkg/kubelet/kubelet_pods.go generateAPIPodStatus (phase Failed + reason/message from
// ShouldEvict), pkg/printers/internalversion/printers.go (STATUS = status.reason while the
// container runs, then the container's terminated reason).
export default (records, { json, rec, table, events, firstAt, containerStatus, assert, between }) => {
  const rows = (n) => Object.fromEntries(table(rec(records, "get pods", n)).map((r) => [r.NAME, r]));
  assert(rows(0).deadline.STATUS === "Running", "still running before the deadline");
  for (const name of ["deadline", "deadline-stubborn"]) {
    const p = json(rec(records, `get pod ${name} -o json`, 0));
    assert(p.status.phase === "Failed", `${name} at 13 s: phase ${p.status.phase}, want Failed (deadline 10 s)`);
    assert(p.status.reason === "DeadlineExceeded", `${name} reason ${p.status.reason}`);
    assert(p.status.message === "Pod was active on the node longer than the specified deadline", `${name} message ${p.status.message}`);
  }
  // The trapping container exits 0 on SIGTERM; the stubborn one is SIGKILLed after its 5 s grace.
  assert(rows(1)["deadline-stubborn"].STATUS === "DeadlineExceeded", `stubborn STATUS during its grace: ${rows(1)["deadline-stubborn"].STATUS}`);
  const d = containerStatus(json(rec(records, "get pod deadline -o json", 1)), "app").state.terminated;
  assert(d?.exitCode === 0 && d.reason === "Completed", `deadline container ${JSON.stringify(d)}`);
  const s = containerStatus(json(rec(records, "get pod deadline-stubborn -o json", 1)), "app").state.terminated;
  assert(s?.exitCode === 137 && s.reason === "Error", `stubborn container ${JSON.stringify(s)}`);
  const ev = rec(records, "get events");
  for (const name of ["deadline", "deadline-stubborn"]) {
    const de = events(ev, { object: name, reason: "DeadlineExceeded" });
    assert(de.length === 1 && de[0].type === "Normal" && de[0].message === "Pod was active on the node longer than the specified deadline", `${name} DeadlineExceeded event`);
    between(firstAt(de[0]) / 1000 - Date.parse("2025-01-01T00:00:00Z") / 1000, 10, 12.5, `${name}: DeadlineExceeded event time (s)`);
  }
  assert(rows(2)["deadline-stubborn"].STATUS === "Error" && rows(2).deadline.STATUS === "Completed", JSON.stringify(rows(2)));
};
