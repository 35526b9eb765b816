// Pods that start together on a node each ask for the same absent image, and their pulls queue
// (serializeImagePulls: true). The first downloads it; a queued pull whose turn comes after that
// finds the layers on the node and only resolves the manifest, so its Pulled event reads a short
// pull time and a longer time including the wait: `in 313ms (3.119s including waiting)`.
// Sources: pkg/kubelet/images/image_manager.go EnsureImageExists (each pod's container checks
// presence, then pulls), pkg/kubelet/images/puller.go serialImagePuller (pullDuration measured
// from dequeue); containerd's PullImage skips layers the content store already has.
export default (records, { events, rec, firstAt, assert, near }) => {
  const ev = rec(records, "get events");
  const dur = (s) => (s.endsWith("ms") ? Number(s.slice(0, -2)) / 1000 : Number(s.slice(0, -1)));
  const re = /^Successfully pulled image "nginx:1.27" in ([\d.]+m?s) \(([\d.]+m?s) including waiting\)\. Image size: (\d+) bytes\.$/;
  const info = {};
  for (const pod of ["first", "second", "third"]) {
    const pulling = events(ev, { object: pod, reason: "Pulling" })[0];
    const pulled = events(ev, { object: pod, reason: "Pulled" })[0];
    assert(pulling, `${pod}: a Pulling event (the image was absent when it asked)`);
    const m = re.exec(pulled?.message ?? "");
    assert(m, `${pod} Pulled message: ${pulled?.message}`);
    info[pod] = { start: firstAt(pulling) / 1000, end: firstAt(pulled) / 1000, pull: dur(m[1]), total: dur(m[2]) };
  }
  // The order the queue took them in is the kubelet's, not the manifest's: by when each ended.
  const [full, ...queued] = Object.entries(info).sort((a, b) => a[1].end - b[1].end);
  near(full[1].total, full[1].pull, 0.05, `${full[0]}: the first pull did not wait`);
  assert(full[1].pull > 1, `${full[0]}: the first pull downloads the image: ${full[1].pull}s`);
  let before = full[1];
  for (const [name, p] of queued) {
    assert(p.pull < 1, `${name}: a queued pull of an image already fetched is a manifest check: ${p.pull}s`);
    assert(p.total > p.pull, `${name}: its time includes waiting: ${JSON.stringify(p)}`);
    near(p.end, before.end + p.pull, 0.05, `${name}: starts when the pull before it ends`);
    near(p.end - p.start, p.total, 0.05, `${name}: 'including waiting' = Pulling→Pulled`);
    before = p;
  }
};
