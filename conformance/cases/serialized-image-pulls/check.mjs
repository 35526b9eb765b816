// Image pulls are serialized node-wide by default (serializeImagePulls: true): a second pod's pull
// queues behind the first, and its Pulled event reports both the pull time and the time including
// the wait.
// Sources: pkg/kubelet/images/puller.go serialImagePuller (pullDuration measured from dequeue),
// pkg/kubelet/images/image_manager.go pullImage (`Successfully pulled image %q in %v (%v including
// waiting). Image size: %v bytes.`, durations truncated to ms).
export default (records, { events, rec, firstAt, assert, near }) => {
  const ev = rec(records, "get events");
  const dur = (s) => (s.endsWith("ms") ? Number(s.slice(0, -2)) / 1000 : Number(s.slice(0, -1)));
  const re = /^Successfully pulled image "([^"]+)" in ([\d.]+m?s) \(([\d.]+m?s) including waiting\)\. Image size: (\d+) bytes\.$/;
  const info = {};
  for (const pod of ["first", "second"]) {
    const pulling = events(ev, { object: pod, reason: "Pulling" })[0];
    const pulled = events(ev, { object: pod, reason: "Pulled" })[0];
    const m = re.exec(pulled?.message ?? "");
    assert(m, `${pod} Pulled message: ${pulled?.message}`);
    info[pod] = { start: firstAt(pulling) / 1000, end: firstAt(pulled) / 1000, pull: dur(m[2]), total: dur(m[3]) };
  }
  const { first, second } = info;
  // Both pods asked for their image at about the same time.
  near(second.start, first.start, 0.5, "Pulling events of both pods");
  // The first pull did not wait.
  near(first.total, first.pull, 0.05, "first pull: time including waiting equals pull time");
  // The second waited for the first to finish, then pulled.
  assert(second.total > second.pull + 1, `second pull should include waiting: ${JSON.stringify(second)}`);
  near(second.total - second.pull, first.end - second.start, 0.2, "second pull's wait = until the first pull finished");
  near(second.end, first.end + second.pull, 0.2, "second pull ends one pull time after the first ends");
  near(second.end - second.start, second.total, 0.05, "'including waiting' = Pulling→Pulled");
};
