// The exact failure output of each probe mechanism, as the kubelet records it in Warning
// Unhealthy `<Type> probe failed: <output>` events, and the liveness kill that follows.
// Sources: pkg/kubelet/prober/prober.go (`%s probe failed: %s`; Killing `Container %s failed
// liveness probe, will be restarted` from kuberuntime_manager.go computePodActions),
// pkg/probe/http/http.go (`HTTP probe failed with statuscode: %d`; Go client timeout text
// `Get "<url>": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`),
// pkg/probe/tcp/tcp.go (the dial error `dial tcp IP:PORT: connect: connection refused`),
// pkg/probe/exec/exec.go + pkg/kubelet/cri/remote/remote_runtime.go ExecSync (timeout →
// Failure with `command %q timed out`, e2e container_probe.go "should be restarted with an exec
// liveness probe with timeout"), pkg/probe/grpc/grpc.go (`timeout: failed to connect service %q
// within %v: %+v`). failureThreshold defaults to 3 (pkg/apis/core/v1/defaults.go).
export default (records, { json, rec, table, events, firstAt, containerStatus, assert, between, near }) => {
  const ev = rec(records, "get events");
  const ip = Object.fromEntries(table(rec(records, "get pods -o wide")).map((r) => [r.NAME, r.IP]));
  const unhealthy = (pod) => {
    const e = events(ev, { object: pod, reason: "Unhealthy" });
    assert(e.length === 1, `${pod}: ${e.length} distinct Unhealthy events (${e.map((x) => x.message)})`);
    assert(e[0].type === "Warning", `${pod}: Unhealthy must be a Warning`);
    return e[0];
  };
  const h = unhealthy("http404");
  assert(h.message === "Liveness probe failed: HTTP probe failed with statuscode: 404", h.message);
  const t = unhealthy("tcp-refused");
  assert(t.message === `Readiness probe failed: dial tcp ${ip["tcp-refused"]}:8081: connect: connection refused`, t.message);
  const x = unhealthy("exec-fail");
  assert(/^Readiness probe failed: cat: can't open '\/tmp\/nope': No such file or directory\n?$/.test(x.message), JSON.stringify(x.message));
  const to = unhealthy("exec-timeout");
  assert(to.message === 'Liveness probe failed: command "sleep 10" timed out', to.message);
  const ht = unhealthy("http-timeout");
  assert(
    ht.message === `Readiness probe failed: Get "http://${ip["http-timeout"]}:8080/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    ht.message,
  );
  const g = unhealthy("grpc-refused");
  assert(g.message === `Readiness probe failed: timeout: failed to connect service "${ip["grpc-refused"]}:9999" within 1s: context deadline exceeded`, g.message);

  // Readiness failures never restart; they keep the pod NotReady.
  const rows = Object.fromEntries(table(rec(records, "get pods -o wide")).map((r) => [r.NAME, r]));
  for (const p of ["tcp-refused", "exec-fail", "http-timeout", "grpc-refused"]) {
    assert(rows[p].READY === "0/1" && rows[p].STATUS === "Running" && rows[p].RESTARTS === "0", `${p}: ${JSON.stringify(rows[p])}`);
  }
  const tp = json(rec(records, "get pod tcp-refused"));
  const ready = tp.status.conditions.find((c) => c.type === "Ready");
  assert(ready.status === "False" && ready.reason === "ContainersNotReady" && ready.message === "containers with unready status: [web]", JSON.stringify(ready));

  // Liveness (period 5, default failureThreshold 3): killed at the 3rd consecutive failure,
  // i.e. 10 s after the first one; the kill message names the probe.
  const kill = events(ev, { object: "http404", reason: "Killing" });
  assert(kill.length === 1 && kill[0].message === "Container web failed liveness probe, will be restarted", JSON.stringify(kill.map((k) => k.message)));
  near((firstAt(kill[0]) - firstAt(h)) / 1000, 10, 1, "first failure → kill (s)");
  between(containerStatus(json(rec(records, "get pod http404")), "web").restartCount, 2, 3, "http404 restarts by 60 s");

  // Exec probe timing out (timeoutSeconds 1, failureThreshold 1) counts as a failure: restarted.
  const et = json(rec(records, "get pod exec-timeout"));
  const es = containerStatus(et, "app");
  assert(es.restartCount >= 1, `exec-timeout restartCount ${es.restartCount}`);
  // busybox sleep as PID 1 ignores SIGTERM: the kill ends with SIGKILL after the 30 s grace.
  const lt = es.lastState.terminated;
  assert(lt?.exitCode === 137 && lt.reason === "Error", `exec-timeout lastState ${JSON.stringify(lt)}`);
  const ek = events(ev, { object: "exec-timeout", reason: "Killing" })[0];
  near((Date.parse(lt.finishedAt) - firstAt(ek)) / 1000, 30, 1.5, "SIGKILL 30 s after the liveness kill");
};
