// e2e test/e2e/common/node/container_probe.go single-pod liveness cases:
//  - "should be restarted with a exec "cat /tmp/health" liveness probe" (file removed after 10 s,
//    delay 15, failureThreshold 1 → restartCount 1);
//  - "should *not* be restarted with a exec "cat /tmp/health" liveness probe" (0 restarts in 4 min);
//  - "should be restarted by liveness probe after startup probe enables it" (startup succeeds at
//    ~10 s, then a failing liveness restarts the container);
//  - "should override timeoutGracePeriodSeconds when LivenessProbe field is set" (probe-level
//    terminationGracePeriodSeconds 5 vs pod 500: the SIGKILL comes 5 s after the kill, not 500 s).
// Sources: pkg/kubelet/prober/worker.go (initialDelaySeconds, startup gating, hold after a
// liveness failure), pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer /
// setTerminationGracePeriod (probe-level grace for a liveness kill), kuberuntime_manager.go
// computePodActions (Killing `Container %s failed liveness probe, will be restarted`).
export default (records, { json, rec, events, firstAt, containerStatus, assert, between }) => {
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const ev = rec(records, "get events");
  const cs = (name) => containerStatus(json(rec(records, `get pod ${name} -o json`)), "app");

  // Probe-level grace 5 s: killed by liveness, SIGKILL (137) 5 s later although the pod says 500 s.
  const pg = cs("probe-grace");
  const firstKill = firstAt(events(ev, { object: "probe-grace", reason: "Killing" })[0]);
  const pgT = pg.lastState.terminated;
  assert(pg.restartCount >= 1 && pgT?.exitCode === 137, `probe-grace ${JSON.stringify(pg)}`);
  // The first instance: killed at the first liveness tick ≥10 s after start, gone 5 s later.
  const firstInstanceEnd = pg.restartCount === 1 ? Date.parse(pgT.finishedAt) : null;
  if (firstInstanceEnd) between((firstInstanceEnd - firstKill) / 1000, 4, 6, "probe grace: kill → SIGKILL (s)");
  between((Date.parse(pgT.finishedAt) - Date.parse(pgT.startedAt)) / 1000, 10, 27, "each instance: ≥10 s delay + ≤10 s period + 5 s grace");
  between(pg.restartCount, 1, 3, "probe-grace restarts by 60 s (each cycle ~20 s, plus back-off and re-check)");
  assert(events(ev, { object: "probe-grace", reason: "Unhealthy" })[0].message === "Liveness probe failed: ", "/bin/false prints nothing");

  // exec cat /tmp/health, file removed after 10 s: restarted once by 60 s.
  const ef = cs("exec-liveness-file");
  assert(ef.restartCount === 1, `exec-liveness-file restartCount ${ef.restartCount}`);
  const efU = events(ev, { object: "exec-liveness-file", reason: "Unhealthy" })[0];
  assert(/^Liveness probe failed: cat: can't open '\/tmp\/health': No such file or directory\n?$/.test(efU.message), efU.message);
  between((firstAt(efU) - t0) / 1000, 15, 27, "first failure: ≥15 s delay, next 10 s tick");
  // sh as PID 1 ignores SIGTERM: SIGKILL after the pod's 30 s grace.
  between((Date.parse(ef.lastState.terminated.finishedAt) - firstAt(efU)) / 1000, 29, 31.5, "exec-liveness-file: kill → exit (s)");
  assert(ef.lastState.terminated.exitCode === 137, "137 after SIGKILL");

  // File never removed: never restarted in 4 minutes.
  const ok = cs("exec-liveness-ok");
  assert(ok.restartCount === 0, `exec-liveness-ok restartCount ${ok.restartCount}`);
  assert(events(ev, { object: "exec-liveness-ok", reason: "Unhealthy" }).length === 0, "no probe failures");

  // Startup probe succeeds at ~10 s, then the always-failing liveness probe restarts it.
  const sl = cs("startup-then-liveness");
  assert(sl.restartCount >= 1, `startup-then-liveness restartCount ${sl.restartCount}`);
  const lu = events(ev, { object: "startup-then-liveness", reason: "Unhealthy" }).filter((e) => e.message.startsWith("Liveness"));
  assert(lu.length === 1, "liveness failures reported");
  between((firstAt(lu[0]) - t0) / 1000, 10, 22, "first liveness failure only after startup succeeded (~10 s) at a 10 s tick");
  const su = events(ev, { object: "startup-then-liveness", reason: "Unhealthy" }).find((e) => e.message.startsWith("Startup"));
  assert(/^Startup probe failed: cat: can't open '\/tmp\/startup': No such file or directory\n?$/.test(su?.message ?? ""), su?.message);
  assert(firstAt(su) < firstAt(lu[0]), "startup failures precede liveness failures");
};
