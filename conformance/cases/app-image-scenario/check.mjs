// An application image described in the Scenario document: pull time, start-up time before it
// listens (readiness fails with connection refused until then), crash after N seconds with its
// exit code (restarted at once the first time), logs of the previous instance, and SIGTERM
// handling with a drain time on delete. The Kubernetes side is the same as for any image:
// pkg/kubelet/images/image_manager.go (Pulled `... in 4s (4s including waiting)` — Go Duration
// String), pkg/probe/http/http.go (transport error text `Get "<url>": dial tcp IP:PORT: connect:
// connection refused`), pkg/kubelet/prober/worker.go (readiness result applied directly, so Ready
// follows the first success), kuberuntime_container.go killContainer (SIGTERM → the app's own exit).
export default (records, { json, rec, events, containerStatus, assert, between }) => {
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const snaps = records.filter((r) => r.command === "kubectl get pod api -o json").map((r) => ({ at: r.atMs / 1000, pod: json(r) }));
  const ev = rec(records, "get events");
  const pulled = events(ev, { reason: "Pulled" }).find((e) => e.message.startsWith("Successfully"));
  assert(pulled?.message === 'Successfully pulled image "example.com/shop/api:1.0" in 4s (4s including waiting). Image size: 50000000 bytes.', pulled?.message);

  const first = snaps.find((s) => containerStatus(s.pod, "api").state.running);
  const started = Date.parse(containerStatus(first.pod, "api").state.running.startedAt) / 1000 - t0 / 1000;
  between(started, 4, 6, "container start (after the 4 s pull)");
  const readyAt = snaps.find((s) => containerStatus(s.pod, "api").ready)?.at;
  assert(readyAt !== undefined, "never Ready in the first 20 s");
  // Listening 8 s after start; readiness period 2 s.
  between(readyAt - started, 8, 11.5, "start → Ready (s)");
  for (const s of snaps.filter((s) => s.at < started + 8)) {
    assert(!containerStatus(s.pod, "api").ready, `Ready at ${s.at} s before the app listens`);
  }
  const un = events(ev, { reason: "Unhealthy" });
  const ip = snaps.at(-1).pod.status.podIP;
  assert(un.length === 1 && un[0].message === `Readiness probe failed: Get "http://${ip}:8080/healthz": dial tcp ${ip}:8080: connect: connection refused`, JSON.stringify(un.map((e) => e.message)));

  // exitAfterSeconds 40, exitCode 2: Error, restarted immediately (first restart, no back-off).
  const late = containerStatus(snaps.at(-1).pod, "api");
  const lt = late.lastState.terminated;
  assert(late.restartCount === 1 && lt?.exitCode === 2 && lt.reason === "Error", `after the crash ${JSON.stringify(late)}`);
  between((Date.parse(lt.finishedAt) - Date.parse(lt.startedAt)) / 1000, 39, 41, "ran for 40 s");
  between((Date.parse(late.state.running?.startedAt) - Date.parse(lt.finishedAt)) / 1000, 0, 2, "first restart is immediate");
  assert(rec(records, "logs api --previous").stdout === "api starting\n", "previous instance logs");
  const created = events(ev, { reason: "Created" });
  assert(created.length === 1 && created[0].count === 2, "Created aggregated x2");
  assert(events(ev, { reason: "Pulled" }).some((e) => e.message === 'Container image "example.com/shop/api:1.0" already present on machine'), "restart uses the cached image");

  // Delete: SIGTERM → 3 s drain → exit 0.
  const del = rec(records, "delete pod api");
  assert(del.exitCode === 0, del.stderr);
  between((del.endMs - del.atMs) / 1000, 3, 5, "delete waits for the 3 s drain");
};
