// Regular init containers under restartPolicy Never and OnFailure (e2e init_container.go:
// "should not start app containers and fail the pod if init containers fail on a RestartNever pod",
// "should invoke init containers on a RestartNever pod", and the OnFailure analogue of
// "should not start app containers if init containers fail on a RestartAlways pod").
// Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (init failure with
// Never kills the pod; otherwise the init container is restarted with back-off),
// pkg/kubelet/kubelet_pods.go getPhase, pkg/kubelet/status/generate.go (Initialized
// `containers with incomplete status: [...]`, PodCompleted / PodFailed reasons),
// pkg/printers/internalversion/printers.go printPod (Init:Error, Init:i/N).
export default (records, { json, rec, table, events, containerStatus, assert, between }) => {
  const cond = (pod, type) => pod.status.conditions.find((c) => c.type === type);
  const statuses = (name) => records.filter((r) => r.command === "kubectl get pods").map((r) => table(r).find((x) => x.NAME === name).STATUS);

  // Never + failing init2: pod Failed, app never started.
  const f = json(rec(records, "get pod init-never-fails"));
  assert(f.status.phase === "Failed", `init-never-fails phase ${f.status.phase}`);
  const i1 = containerStatus(f, "init1");
  assert(i1.ready === true && i1.state.terminated?.exitCode === 0 && i1.state.terminated.reason === "Completed", `init1 ${JSON.stringify(i1)}`);
  const i2 = containerStatus(f, "init2");
  assert(i2.ready === false && i2.state.terminated?.exitCode === 1 && i2.state.terminated.reason === "Error", `init2 ${JSON.stringify(i2)}`);
  assert(i2.restartCount === 0, "Never: the failed init container is not restarted");
  assert(containerStatus(f, "app").state.waiting?.reason === "PodInitializing", "app stays Waiting/PodInitializing");
  const ini = cond(f, "Initialized");
  assert(ini.status === "False" && ini.reason === "ContainersNotInitialized" && ini.message === "containers with incomplete status: [init2]", `Initialized ${JSON.stringify(ini)}`);
  for (const t of ["ContainersReady", "Ready"]) {
    const c = cond(f, t);
    assert(c.status === "False" && c.reason === "PodFailed", `${t} ${JSON.stringify(c)}`);
  }
  const fs = statuses("init-never-fails");
  assert(fs.at(-1) === "Init:Error", `final STATUS ${fs.at(-1)}`);
  assert(fs.every((s) => /^Init:(0\/2|1\/2|Error)$/.test(s)), `STATUS sequence ${fs}`);
  const ev = rec(records, "get events");
  assert(events(ev, { object: "init-never-fails", container: "app", reason: "Started" }).length === 0, "app must never start");

  // Never + both inits succeed: Succeeded, Initialized True (PodCompleted).
  const ok = json(rec(records, "get pod init-never-ok"));
  assert(ok.status.phase === "Succeeded", `init-never-ok phase ${ok.status.phase}`);
  for (const n of ["init1", "init2"]) {
    const s = containerStatus(ok, n);
    assert(s.ready === true && s.state.terminated?.exitCode === 0, `${n} ${JSON.stringify(s)}`);
  }
  assert(cond(ok, "Initialized").status === "True", "Initialized True");
  assert(cond(ok, "Ready").status === "False" && cond(ok, "Ready").reason === "PodCompleted", `Ready ${JSON.stringify(cond(ok, "Ready"))}`);
  assert(statuses("init-never-ok").at(-1) === "Completed", "STATUS Completed");
  const okStarts = ["init1", "init2", "app"].map((c) => events(ev, { object: "init-never-ok", container: c, reason: "Started" })[0]);
  assert(okStarts.every(Boolean), "all three containers started");
  const t = okStarts.map((e) => Date.parse(e.eventTime ?? e.firstTimestamp));
  assert(t[0] < t[1] && t[1] < t[2], "init1 < init2 < app");

  // OnFailure + failing init: restarted with back-off, pod Pending, app waits.
  const of = json(rec(records, "get pod init-onfailure"));
  assert(of.status.phase === "Pending", `init-onfailure phase ${of.status.phase}`);
  const oi = containerStatus(of, "init1");
  // restarts at ~1 s (immediately), then ≥10 s, ≥20 s, ≥40 s after each exit (+ ≤15 s re-check).
  between(oi.restartCount, 3, 4, "init1 restarts by 90 s");
  const last = oi.state.terminated ?? oi.lastState.terminated;
  assert(last?.exitCode === 2 && last.reason === "Error", `init1 last termination ${JSON.stringify(last)}`);
  assert(containerStatus(of, "app").state.waiting?.reason === "PodInitializing", "app waits in PodInitializing");
  const oini = cond(of, "Initialized");
  assert(oini.status === "False" && oini.message === "containers with incomplete status: [init1]", `Initialized ${JSON.stringify(oini)}`);
  const os = statuses("init-onfailure");
  assert(os.includes("Init:CrashLoopBackOff"), `STATUS never Init:CrashLoopBackOff: ${os}`);
  assert(os.every((s) => /^Init:(0\/1|Error|CrashLoopBackOff)$/.test(s)), `STATUS sequence ${os}`);
  const bo = events(ev, { object: "init-onfailure", reason: "BackOff" })[0];
  assert(
    bo?.type === "Warning" && bo.message === `Back-off restarting failed container init1 in pod init-onfailure_default(${of.metadata.uid})`,
    `BackOff ${bo?.message}`,
  );
};
