// The kubelet's event recorder aggregates identical events (same object, fieldPath, type, reason,
// message) into one Event with count/firstTimestamp/lastTimestamp, and kubectl describe renders
// repeated events as `LAST (xCOUNT over FIRST)`; kubectl get events shows LAST SEEN from
// lastTimestamp. A readiness probe (period 5 s) that always fails emits Unhealthy on every attempt.
// Sources: staging/src/k8s.io/client-go/tools/record/events_cache.go (EventCorrelator,
// eventObserve: count+1, lastTimestamp), staging/src/k8s.io/kubectl/pkg/describe/describe.go
// DescribeEvents (`%s (x%d over %s)`), pkg/kubelet/prober/prober.go (Unhealthy on every failure),
// staging/src/k8s.io/apimachinery/pkg/util/duration HumanDuration.
export default (records, { events, rec, table, lastAt, firstAt, assert, between, near }) => {
  const at = Date.parse("2025-01-01T00:00:00Z") + rec(records, "describe").atMs;
  const ev = rec(records, "get events -o json");
  const un = events(ev, { reason: "Unhealthy" });
  assert(un.length === 1, `one aggregated Unhealthy event, got ${un.length}`);
  const u = un[0];
  assert(u.message.startsWith("Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory"), u.message);
  between(u.count, 11, 14, "Unhealthy count after ~59 s of 5 s probes");
  assert(Date.parse(u.lastTimestamp) > Date.parse(u.firstTimestamp), "lastTimestamp advances");
  between((at - lastAt(u)) / 1000, 0, 6, "last failure at most one period before the describe");

  const line = rec(records, "describe").stdout.split("\n").find((l) => /^\s+Warning\s+Unhealthy\s/.test(l));
  assert(line, "describe has no Unhealthy line");
  const m = /^\s+Warning\s+Unhealthy\s+(\d+)s \(x(\d+) over (\d+)s\)\s+kubelet\s+Readiness probe failed: cat: can't open '\/tmp\/ready': No such file or directory$/.exec(line);
  assert(m, `describe line: ${JSON.stringify(line)}`);
  assert(Number(m[2]) === u.count, `describe count x${m[2]} vs event count ${u.count}`);
  near(Number(m[1]), (at - lastAt(u)) / 1000, 1, "describe LAST age");
  near(Number(m[3]), (at - firstAt(u)) / 1000, 1, "describe FIRST age");
  const header = rec(records, "describe").stdout.split("\n").find((l) => /^\s+Type\s+Reason\s+Age\s+From\s+Message$/.test(l));
  assert(header, "describe Events header `Type Reason Age From Message`");

  const row = table(rec(records, "kubectl get events", 1)).find((r) => r.REASON === "Unhealthy");
  assert(row && row.TYPE === "Warning" && row.OBJECT === "pod/flaky", `get events row ${JSON.stringify(row)}`);
  near(Number(row["LAST SEEN"].replace(/s$/, "")), (at - lastAt(u)) / 1000, 1, "get events LAST SEEN");
};
