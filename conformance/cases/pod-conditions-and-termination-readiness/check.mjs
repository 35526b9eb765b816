// Pod phase, conditions (order, reasons, messages) and container waiting reasons through an init
// container and a readiness probe with successThreshold 3; and e2e container_probe.go "should mark
// readiness on pods to false while pod is in progress of terminating when a pod has a readiness
// probe" (+ "should not have liveness probe failures during graceful termination").
// Sources: pkg/kubelet/status/generate.go (Initialized `containers with incomplete status: [...]`,
// ContainersReady/Ready `containers with unready status: [...]`), pkg/kubelet/kubelet_pods.go
// (convertToAPIContainerStatuses: default waiting reason PodInitializing when the pod has init
// containers; getPhase), pkg/kubelet/prober/worker.go (successThreshold/failureThreshold — readiness
// failureThreshold defaults to 3 —, liveness/startup workers stop on deletion, readiness keeps
// running), pkg/kubelet/kubelet.go syncLoopIteration (readiness → SetContainerReadiness at once).
export default (records, { json, rec, events, firstAt, containerStatus, assert, between }) => {
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const web = records.filter((r) => r.command === "kubectl get pod web -o json").map((r) => ({ at: r.atMs / 1000, pod: json(r) }));
  const cond = (p, t) => p.status.conditions.find((c) => c.type === t);
  for (const { pod } of web) {
    assert(
      pod.status.conditions.map((c) => c.type).join() === "PodReadyToStartContainers,Initialized,Ready,ContainersReady,PodScheduled",
      `condition order ${pod.status.conditions.map((c) => c.type)}`,
    );
    assert(cond(pod, "PodScheduled").status === "True", "PodScheduled True");
    const setup = containerStatus(pod, "setup");
    const nginx = containerStatus(pod, "nginx");
    const init = cond(pod, "Initialized");
    if (!setup.state.terminated) {
      assert(pod.status.phase === "Pending", `phase while initializing ${pod.status.phase}`);
      assert(init.status === "False" && init.reason === "ContainersNotInitialized" && init.message === "containers with incomplete status: [setup]", JSON.stringify(init));
      assert(nginx.state.waiting?.reason === "PodInitializing", `nginx during init ${JSON.stringify(nginx.state)}`);
      if (!setup.state.running) assert(setup.state.waiting?.reason === "PodInitializing", `setup before start ${JSON.stringify(setup.state)}`);
    } else {
      assert(setup.state.terminated.exitCode === 0 && setup.state.terminated.reason === "Completed" && setup.ready, "setup completed");
      assert(init.status === "True", "Initialized True after setup");
    }
    if (!nginx.ready) {
      for (const t of ["Ready", "ContainersReady"]) {
        const c = cond(pod, t);
        assert(c.status === "False" && c.reason === "ContainersNotReady" && c.message === "containers with unready status: [nginx]", `${t} ${JSON.stringify(c)}`);
      }
    } else {
      assert(cond(pod, "Ready").status === "True" && cond(pod, "ContainersReady").status === "True", "Ready and ContainersReady together");
    }
    if (nginx.state.running) assert(pod.status.phase === "Running", `phase with nginx running: ${pod.status.phase}`);
  }
  const prtc = web.map((s) => cond(s.pod, "PodReadyToStartContainers").status);
  assert(prtc.at(-1) === "True", "PodReadyToStartContainers True once the sandbox is up");
  const last = web.at(-1).pod;
  const started = Date.parse(containerStatus(last, "nginx").state.running.startedAt);
  const readyAt = Date.parse(cond(last, "Ready").lastTransitionTime);
  // successThreshold 3: not ready on the first success; ready within ~3 periods of the start.
  between((readyAt - started) / 1000, 1, 7, "nginx start → Ready with successThreshold 3 (s)");

  // Deletion with a SIGTERM handler that removes the ready file: NotReady during termination.
  const su = records.filter((r) => r.command === "kubectl get pod sigterm-unready -o json");
  const alive = su.filter((r) => r.exitCode === 0).map((r) => ({ at: r.atMs / 1000, pod: json(r) }));
  const notReady = alive.find((s) => cond(s.pod, "Ready").status === "False");
  assert(notReady, "Ready never became False during termination");
  // TERM at 20 s (trap runs ≤1 s later), readiness period 2 s × failureThreshold 3.
  between(notReady.at, 22, 28, "Ready False during termination at (s)");
  assert(cond(notReady.pod, "Ready").message === "containers with unready status: [app]", JSON.stringify(cond(notReady.pod, "Ready")));
  assert(alive.every((s) => containerStatus(s.pod, "app").state.running || s.pod.status.phase !== "Running"), "container keeps running while it drains");
  const gone = su.find((r) => r.exitCode !== 0);
  assert(gone, "pod should be gone by 32 s (10 s drain)");
  between(gone.atMs / 1000 - 20, 10, 12.5, "delete → gone (s)");
  const ev = rec(records, "get events");
  const un = events(ev, { object: "sigterm-unready", reason: "Unhealthy" });
  assert(un.every((e) => !e.message.startsWith("Liveness")), `no liveness failures during termination: ${un.map((e) => e.message)}`);
  assert(un.some((e) => e.message.startsWith("Readiness probe failed: ") && firstAt(e) >= t0 + 20000), "readiness keeps probing during termination");
};
