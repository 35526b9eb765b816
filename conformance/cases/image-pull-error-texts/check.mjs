// Exact texts of image errors as a v1.34 kubelet on containerd shows them.
// Sources: pkg/kubelet/images/image_manager.go pullImage (`Failed to pull image %q: %v` where %v is
// the CRI gRPC error, whose Error() is `rpc error: code = <Code> desc = <containerd text>`; the
// waiting message is `err.Error()` too); pkg/kubelet/kuberuntime/kuberuntime_container.go
// startContainer: every EnsureImageExists error also records Warning Failed `Error: <reason>`
// (so ErrImageNeverPull is followed by `Error: ErrImageNeverPull`). Real-world texts, e.g.
// `Failed to pull image "x:tag": rpc error: code = NotFound desc = failed to pull and unpack image
// "docker.io/x:tag": failed to resolve reference "docker.io/x:tag": docker.io/x:tag: not found`
// (containerd answers NotFound for an unknown tag, Unknown for Docker Hub's "pull access denied").
export default (records, { json, rec, events, containerStatus, assert }) => {
  const ev = rec(records, "get events");
  const ref = "docker.io/library/busybox:no-such-tag";
  const want = `Failed to pull image "busybox:no-such-tag": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  const f = events(ev, { object: "badtag", reason: "Failed" }).find((e) => e.message.startsWith("Failed to pull image"));
  assert(f?.message === want, `pull failure event\n got: ${f?.message}\nwant: ${want}`);
  const w = containerStatus(json(rec(records, "get pod badtag")), "app").state.waiting;
  assert(w?.reason === "ErrImagePull" && w.message.startsWith("rpc error: code = NotFound desc = failed to pull and unpack image"), `waiting ${JSON.stringify(w)}`);
  const nr = events(ev, { object: "norepo", reason: "Failed" }).find((e) => e.message.startsWith("Failed to pull image"));
  assert(
    nr?.message.startsWith('Failed to pull image "podlife-no-such-repo/app:1.0": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/podlife-no-such-repo/app:1.0"'),
    `access-denied pull failure: ${nr?.message}`,
  );
  const never = events(ev, { object: "never-missing", reason: "Failed" });
  assert(never.some((e) => e.message === "Error: ErrImageNeverPull" && e.type === "Warning"), `never-missing Failed events: ${JSON.stringify(never.map((e) => e.message))}`);
};
