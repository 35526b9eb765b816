// A pull of a tag that does not exist: ErrImagePull, then ImagePullBackOff with the image back-off
// (10 s doubling, per pod+image, checked on each pod sync, which happens every 10-15 s while the
// sync keeps failing).
// Sources: pkg/kubelet/images/image_manager.go pullImage (`Pulling image %q`, `Failed to pull image
// %q: %v`, `Back-off pulling image %q` wrapped with the previous `ErrImagePull: <error>` in the
// waiting message), pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (`Error: %v`
// Warning Failed for every image error), pkg/kubelet/kubelet.go (imageBackOffPeriod 10s,
// MaxImageBackOff 300s), pkg/kubelet/pod_workers.go (failed sync re-queued after 10-15 s).
export default (records, { json, events, rec, table, lastAt, containerStatus, assert, between }) => {
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const snaps = records.filter((r) => r.command.includes("get pod badtag -o json")).map((r) => ({ at: r.atMs / 1000, pod: json(r) }));
  const reasons = snaps.map((s) => containerStatus(s.pod, "app").state.waiting?.reason);
  assert(reasons.every((r) => ["ContainerCreating", "ErrImagePull", "ImagePullBackOff"].includes(r)), `waiting reasons ${[...new Set(reasons)]}`);
  assert(reasons.includes("ErrImagePull") && reasons.includes("ImagePullBackOff"), "both ErrImagePull and ImagePullBackOff must show");
  assert(snaps.every((s) => s.pod.status.phase === "Pending"), "phase stays Pending");
  assert(snaps.every((s) => containerStatus(s.pod, "app").restartCount === 0), "no restarts: the container never ran");

  const notFound = 'docker.io/library/busybox:no-such-tag: not found';
  const errImg = snaps.map((s) => containerStatus(s.pod, "app").state.waiting).find((w) => w?.reason === "ErrImagePull");
  assert(errImg.message.includes(notFound), `ErrImagePull message ${errImg.message}`);
  const bo = snaps.map((s) => containerStatus(s.pod, "app").state.waiting).find((w) => w?.reason === "ImagePullBackOff");
  assert(
    bo.message.startsWith('Back-off pulling image "busybox:no-such-tag": ErrImagePull: ') && bo.message.endsWith(notFound),
    `ImagePullBackOff message ${bo.message}`,
  );

  const ev = rec(records, "get events");
  const pulling = events(ev, { reason: "Pulling" });
  assert(pulling.length === 1 && pulling[0].message === 'Pulling image "busybox:no-such-tag"', "one aggregated Pulling event");
  const failed = events(ev, { reason: "Failed" });
  const msgs = failed.map((e) => e.message);
  assert(msgs.includes("Error: ErrImagePull"), `Failed events ${msgs}`);
  assert(msgs.includes("Error: ImagePullBackOff"), `Failed events ${msgs}`);
  const pullFailed = failed.find((e) => e.message.startsWith('Failed to pull image "busybox:no-such-tag": '));
  assert(pullFailed?.type === "Warning" && pullFailed.message.endsWith(notFound), `pull failure event ${pullFailed?.message}`);
  const backoff = events(ev, { reason: "BackOff" });
  assert(backoff.length === 1 && backoff[0].type === "Normal" && backoff[0].message === 'Back-off pulling image "busybox:no-such-tag"', `BackOff ${JSON.stringify(backoff.map((e) => [e.type, e.message]))}`);

  // Pull attempts: at ~1 s, then ≥10, ≥20, ≥40, ≥80, ≥160 s after the previous one, each at most
  // one 10-15 s re-check late: the 6th lands in [310, 386] s and the 7th not before 610 s.
  assert(pulling[0].count === 6, `pull attempts within 400 s: ${pulling[0].count}, want 6`);
  between((lastAt(pulling[0]) - t0) / 1000, 310, 387, "6th pull attempt (s)");

  const row = table(rec(records, "get pods"))[0];
  assert(["ErrImagePull", "ImagePullBackOff"].includes(row.STATUS) && row.READY === "0/1", `row ${JSON.stringify(row)}`);
};
