// killContainer: the preStop hook runs first and consumes the grace period, then SIGTERM, then
// SIGKILL when the rest of the grace period (at least 2 s) runs out; exit code 0 for a process
// that handles SIGTERM, 137 for one that had to be SIGKILLed. Plus `kubectl delete` variants:
// default wait, `--wait=false`, `--grace-period=N`, `--force --grace-period=0`.
// Sources: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer/executePreStopHook
// (preStop bounded by the grace period and abandoned when it runs out; `gracePeriod -= elapsed`;
// `if gracePeriod < minimumGracePeriodInSeconds { gracePeriod = 2 }`; Warning FailedPreStopHook
// `PreStopHook failed`; Normal Killing `Stopping container %s`), pkg/kubelet/lifecycle/handlers.go
// (exec/httpGet/sleep handlers), e2e lifecycle_hook.go "should execute prestop ... hook" and
// "... sleep action ... with a grace period shorter than the sleep" (gone within 2-15 s),
// staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (force warning text).
export default (records, { json, rec, events, firstAt, assert, between }) => {
  const polls = (pod) =>
    records
      .filter((r) => r.command === `kubectl get pod ${pod} -o json`)
      .map((r) => ({ at: r.atMs / 1000, pod: r.exitCode === 0 ? json(r) : null, r }));
  const lastSeen = (pod) => {
    const ps = polls(pod);
    const i = ps.findIndex((p) => !p.pod);
    assert(i > 0, `${pod}: never seen, or never gone during the polls`);
    assert(ps[i].r.stderr.includes(`pods "${pod}" not found`), `${pod}: ${ps[i].r.stderr}`);
    return { gone: ps[i].at, final: ps[i - 1].pod, running: ps.filter((p) => p.pod?.status.containerStatuses[0].state.running).map((p) => p.at) };
  };
  const ev = rec(records, "get events");

  // preStop exec `sleep 5`, app exits 0 on SIGTERM: gone ~5 s after the delete at 20 s.
  const pe = lastSeen("prestop-exec");
  assert(Math.max(...pe.running) >= 24.9, "the container must still run during the 5 s preStop");
  between(pe.gone - 20, 5, 7, "prestop-exec: seconds from delete to gone");
  const peT = pe.final.status.containerStatuses[0].state.terminated;
  assert(peT?.exitCode === 0 && peT.reason === "Completed", `prestop-exec final state ${JSON.stringify(peT)}`);
  assert(pe.final.status.phase === "Succeeded", `all containers exited 0 → phase Succeeded before removal, got ${pe.final.status.phase}`);
  const del = rec(records, "delete pod prestop-exec");
  assert(del.endMs === del.atMs && del.stdout.includes('pod "prestop-exec" deleted'), "--wait=false returns at once");

  // preStop httpGet to nginx: quick.
  const ph = rec(records, "delete pod prestop-http");
  between((ph.endMs - ph.atMs) / 1000, 0, 2, "prestop-http: delete duration (s)");
  assert(events(ev, { object: "prestop-http", reason: "FailedPreStopHook" }).length === 0, "prestop-http hook must succeed");
  // preStop httpGet to a closed port: FailedPreStopHook, the container is still stopped.
  const pf = rec(records, "delete pod prestop-http-fails");
  between((pf.endMs - pf.atMs) / 1000, 0, 2, "prestop-http-fails: delete duration (s)");
  const fh = events(ev, { object: "prestop-http-fails", reason: "FailedPreStopHook" });
  assert(fh.length === 1 && fh[0].type === "Warning" && fh[0].message === "PreStopHook failed", `FailedPreStopHook ${JSON.stringify(fh.map((e) => e.message))}`);

  // preStop (60 s) overruns the 10 s grace period: SIGTERM at 10 s (ignored by PID 1 sleep),
  // SIGKILL 2 s later → exit 137 at ~12 s after the delete at 40 s.
  const po = lastSeen("prestop-overrun");
  const poT = po.final.status.containerStatuses[0].state.terminated;
  assert(poT?.exitCode === 137 && poT.reason === "Error", `prestop-overrun final state ${JSON.stringify(poT)}`);
  assert(po.final.status.phase === "Failed", `phase ${po.final.status.phase}`);
  between(Date.parse(poT.finishedAt) / 1000 - Date.parse("2025-01-01T00:00:40Z") / 1000, 11, 13, "SIGKILL after delete (s)");
  assert(Math.max(...po.running) >= 51.5, "still running until the 2 s minimum after the abandoned preStop");
  between(po.gone - 40, 12, 13.5, "prestop-overrun: seconds from delete to gone");
  const killing = events(ev, { object: "prestop-overrun", reason: "Killing" });
  assert(killing.length === 1 && killing[0].message === "Stopping container app", JSON.stringify(killing.map((k) => k.message)));
  between(firstAt(killing[0]) / 1000 - Date.parse("2025-01-01T00:00:40Z") / 1000, 0, 1, "Killing event at the delete");

  // preStop sleep 15 s, delete --grace-period=2: the hook is cut at 2 s, SIGTERM, app exits.
  const ps = rec(records, "delete pod prestop-sleep-short-grace");
  assert(ps.exitCode === 0, ps.stderr);
  between((ps.endMs - ps.atMs) / 1000, 2, 5, "prestop-sleep with --grace-period=2: delete duration (s)");

  // --force --grace-period=0: the object is gone at once, with kubectl's warning.
  const fo = rec(records, "delete pod forced");
  assert(fo.exitCode === 0 && fo.endMs === fo.atMs, "forced delete returns at once");
  assert(/^pod "forced" force deleted/.test(fo.stdout), `stdout ${fo.stdout}`);
  assert(
    fo.stderr.includes("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely."),
    `stderr ${fo.stderr}`,
  );
  const g = rec(records, "get pod forced");
  assert(g.exitCode === 1 && g.stderr.includes('Error from server (NotFound): pods "forced" not found'), `get after force delete: ${g.stderr}`);
};
