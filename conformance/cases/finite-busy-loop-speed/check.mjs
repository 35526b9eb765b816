// A finite CPU-bound shell loop finishes in about the time a real shell takes: busybox ash runs
// 100 000 iterations of `[ $i -lt N ]; i=$((i+1))` in well under a second on any node, so the pod
// is Succeeded long before 20 s. (DESIGN.md: "a step budget turns it into CPU time" — the time
// charged should stay realistic for loops that end; only endless loops need cheap simulation.)
export default (records, { json, rec, containerStatus, assert }) => {
  const p = json(rec(records, "get pod counter"));
  const t = containerStatus(p, "app").state.terminated;
  assert(p.status.phase === "Succeeded" && t?.exitCode === 0, `at 20 s: phase ${p.status.phase}, state ${JSON.stringify(containerStatus(p, "app").state)}`);
  assert((Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000 <= 5, `loop took ${t.startedAt} → ${t.finishedAt}`);
  assert(rec(records, "logs counter").stdout === "counted 100000\n", "logs");
};
