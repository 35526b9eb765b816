// kubectl describe computes event ages from the Event's firstTimestamp/lastTimestamp, which are
// metav1.Time values serialized as RFC 3339 with whole seconds (the kubelet's core/v1 events carry
// no eventTime). So an event first seen at 00:00:01.2 shown at 00:01:00 is "59s", not "58s";
// `kubectl get events` (LAST SEEN) already does this, describe does not.
// Sources: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go MarshalJSON (RFC3339, seconds),
// staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents/translateTimestampSince
// (uses FirstTimestamp/LastTimestamp; eventTime only when FirstTimestamp is zero).
export default (records, { events, rec, assert }) => {
  const now = Date.parse("2025-01-01T00:00:00Z") + rec(records, "describe").atMs;
  const ev = rec(records, "get events -o json");
  const lines = rec(records, "describe").stdout.split("\n");
  const age = (ts) => `${Math.floor((now - Date.parse(ts)) / 1000)}s`;
  for (const e of events(ev).filter((e) => e.source?.component === "kubelet")) {
    const want = e.count > 1 ? `${age(e.lastTimestamp)} (x${e.count} over ${age(e.firstTimestamp)})` : age(e.firstTimestamp);
    const line = lines.find((l) => l.includes(` ${e.reason} `) && l.trimEnd().endsWith(e.message.trim()));
    assert(line, `no describe line for ${e.reason}`);
    assert(new RegExp(`\\s${e.reason}\\s+${want.replace(/[()]/g, "\\$&")}\\s`).test(line), `${e.reason}: want Age "${want}" (firstTimestamp ${e.firstTimestamp}), line: ${line.trim()}`);
  }
};
