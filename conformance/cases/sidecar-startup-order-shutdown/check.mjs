// Sidecars (init containers with restartPolicy Always): started in spec order, each only after the
// previous one's startupProbe succeeded, the regular container last; on deletion the regular
// container is stopped first, then the sidecars in reverse spec order (e2e
// test/e2e_node/container_lifecycle_test.go "should launch restartable init containers ... in
// order" / "should terminate sidecars in reverse order after all main containers have exited").
// Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go computeInitContainerActions (next init
// container only once the sidecar is started), pkg/kubelet/kuberuntime/kuberuntime_termination_order.go
// (each sidecar waits for all regular containers and the next-later sidecar),
// pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer (Killing `Stopping container %s`
// is recorded before waiting for the turn), pkg/kubelet/prober/prober.go (`%s probe failed: %s`).
export default (records, { json, rec, table, events, firstAt, containerStatus, assert, between }) => {
  const ev = rec(records, "get events");
  const started = (c) => {
    const e = events(ev, { container: c, reason: "Started" });
    assert(e.length === 1, `${c}: ${e.length} Started events`);
    return firstAt(e[0]) / 1000;
  };
  const s1 = started("sidecar1");
  const s2 = started("sidecar2");
  const app = started("app");
  // Each sidecar creates /tmp/started 4 s after it starts; its startup probe (period 2 s) sees it at
  // the next tick, and only then is the next container started.
  between(s2 - s1, 4, 7, "sidecar1 Started → sidecar2 Started (s)");
  between(app - s2, 4, 7, "sidecar2 Started → app Started (s)");
  const un = events(ev, { container: "sidecar1", reason: "Unhealthy" });
  assert(un.length === 1 && un[0].message === "Startup probe failed: " && un[0].type === "Warning", `sidecar1 Unhealthy ${JSON.stringify(un.map((e) => e.message))}`);
  assert(un[0].count >= 1 && un[0].count <= 3, `sidecar1 startup failures ${un[0].count}`);

  const early = table(rec(records, "get pods", 0))[0];
  assert(early.STATUS === "Init:0/2" && early.READY === "0/3", `at 3 s: ${JSON.stringify(early)}`);
  const row = table(rec(records, "get pods", 2))[0];
  assert(row.STATUS === "Running" && row.READY === "3/3" && row.RESTARTS === "0", `at 30 s: ${JSON.stringify(row)}`);
  const pod = json(rec(records, "get pod sidecars -o json"));
  for (const c of ["sidecar1", "sidecar2"]) {
    const s = containerStatus(pod, c);
    assert(s.started === true && s.ready === true && s.state.running, `${c} ${JSON.stringify(s)}`);
  }
  assert(pod.status.conditions.find((c) => c.type === "Initialized")?.status === "True", "Initialized True");

  // Deletion: Killing events for all three at once, SIGTERM in order app → sidecar2 → sidecar1.
  const del = rec(records, "delete pod sidecars");
  assert(del.exitCode === 0 && del.stdout.includes('pod "sidecars" deleted'), `delete: ${del.stdout}${del.stderr}`);
  between((del.endMs - del.atMs) / 1000, 0, 6, "seconds to delete (each container exits ≤1 s after its SIGTERM)");
  const kills = events(ev, { reason: "Killing" });
  assert(kills.length === 3, `Killing events ${kills.length}`);
  for (const k of kills) assert(k.message === `Stopping container ${k.involvedObject.fieldPath.match(/\{(.*)\}/)[1]}`, k.message);
  const order = rec(records, "node-shell");
  assert(order.exitCode === 0, `node-shell: ${order.stderr}`);
  assert(order.stdout === "app\nsidecar2\nsidecar1\n", `SIGTERM order written to the hostPath file: ${JSON.stringify(order.stdout)}`);
};
