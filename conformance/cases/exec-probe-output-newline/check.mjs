// The exec probe's output is the command's combined stdout+stderr, unmodified, so busybox cat's
// error line keeps its newline in the Unhealthy event message (describe trims it for display,
// the Event object does not).
// Sources: pkg/probe/exec/exec.go Probe (`return probe.Failure, string(data), nil`),
// pkg/kubelet/prober/prober.go (`%s probe failed: %s` with that output, no trimming),
// staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (`strings.TrimSpace(e.Message)`).
export default (records, { events, rec, assert }) => {
  const u = events(rec(records, "get events"), { reason: "Unhealthy" })[0];
  assert(u?.message === "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n", `message ${JSON.stringify(u?.message)}`);
};
