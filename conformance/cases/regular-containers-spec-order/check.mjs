// Regular containers are started one after another in spec order (not name order): SyncPod's
// last step loops over podContainerChanges.ContainersToStart in order, and each start() pulls,
// creates and starts before the next begins, so a later container's pull waits for the earlier
// container to be started. While nothing runs yet, STATUS is ContainerCreating.
// Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod step 7/8 (sequential start),
// kuberuntime_container.go startContainer (pull → create → start), pkg/kubelet/kubelet_pods.go
// (default waiting reason ContainerCreating), pkg/printers/internalversion/printers.go printPod.
export default (records, { json, rec, table, events, firstAt, containerStatus, assert }) => {
  const early = table(rec(records, "get pods", 0))[0];
  assert(early.STATUS === "ContainerCreating" && early.READY === "0/3", `at 1 s: ${JSON.stringify(early)}`);
  const p = json(rec(records, "get pod trio"));
  assert(p.status.phase === "Pending", `phase at 1 s ${p.status.phase}`);
  for (const c of ["c-first", "a-second", "b-third"]) {
    assert(containerStatus(p, c).state.waiting?.reason === "ContainerCreating", `${c} at 1 s: ${JSON.stringify(containerStatus(p, c).state)}`);
  }
  const ev = rec(records, "get events");
  const order = ["c-first", "a-second", "b-third"];
  const t = (c, reason) => {
    const e = events(ev, { container: c, reason });
    assert(e.length >= 1, `${c}: no ${reason} event`);
    return firstAt(e[0]);
  };
  for (let i = 1; i < order.length; i++) {
    assert(t(order[i - 1], "Started") <= t(order[i], "Pulling"), `${order[i]} pulled before ${order[i - 1]} started`);
    assert(t(order[i - 1], "Started") < t(order[i], "Created"), `${order[i]} created before ${order[i - 1]} started`);
  }
  const msgs = order.map((c) => events(ev, { container: c, reason: "Created" })[0].message);
  assert(msgs.join("|") === "Created container: c-first|Created container: a-second|Created container: b-third", msgs.join("|"));
  const row = table(rec(records, "get pods", 1))[0];
  assert(row.STATUS === "Running" && row.READY === "3/3", JSON.stringify(row));
};
