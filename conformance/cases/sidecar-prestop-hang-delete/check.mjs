// Deleting a pod whose three sidecars have never-ending preStop hooks (e2e
// test/e2e_node/container_lifecycle_test.go "should call sidecar container PreStop hook
// simultaneously" and "should not hang in termination if terminated during initialization"/the
// "~32 s" expectation for infinite preStops): all preStop hooks start together at the deletion,
// the grace period (30 s) runs out, then the 2 s minimum before SIGKILL, and the pod is gone at
// ~32 s. Also: `kubectl delete --wait=false` returns at once, `kubectl get pods` shows Terminating,
// deletionTimestamp = now + grace, and describe shows `Terminating (lasts <invalid>)` during the
// grace window.
// Sources: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer (preStop first, then the
// termination-order wait; `if gracePeriod < minimumGracePeriodInSeconds` → 2 s),
// kuberuntime_termination_order.go, pkg/printers/internalversion/printers.go printPod
// (Terminating), staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod
// (`Terminating (lasts %s)`, `Termination Grace Period:\t%ds`), staging/src/k8s.io/apimachinery
// duration.HumanDuration (`<invalid>` for a time more than 1 s in the future).
export default (records, { json, rec, table, assert, between }) => {
  const del = rec(records, "delete pod");
  assert(del.exitCode === 0 && del.stdout.includes('pod "hanging-sidecars" deleted'), `delete: ${del.stdout}`);
  assert(del.endMs === del.atMs, "--wait=false returns immediately");
  const row = table(rec(records, "get pods", 1))[0];
  assert(row.STATUS === "Terminating", `STATUS 1 s after delete: ${row.STATUS}`);
  const pod = json(rec(records, "get pod hanging-sidecars -o json"));
  assert(pod.metadata.deletionGracePeriodSeconds === 30, `deletionGracePeriodSeconds ${pod.metadata.deletionGracePeriodSeconds}`);
  assert(Date.parse(pod.metadata.deletionTimestamp) === Date.parse("2025-01-01T00:00:50Z"), `deletionTimestamp ${pod.metadata.deletionTimestamp} (delete at 20 s + 30 s)`);
  const d = rec(records, "describe pod").stdout;
  assert(/^Status:\s+Terminating \(lasts <invalid>\)$/m.test(d), "describe Status: Terminating (lasts <invalid>)");
  assert(/^Termination Grace Period:\s+30s$/m.test(d), "describe Termination Grace Period: 30s");

  // Gone ~32 s after the delete (30 s grace consumed by the hanging preStops, then 2 s to SIGKILL).
  const polls = records.filter((r) => r.command === "kubectl get pods" && r.atMs >= 50000);
  const goneAt = polls.find((r) => !r.stdout.includes("hanging-sidecars"))?.atMs;
  assert(goneAt !== undefined, "pod still there at 56 s");
  const lastSeen = polls.filter((r) => r.atMs < goneAt).at(-1)?.atMs ?? 0;
  assert(lastSeen >= 51000, `pod gone too early (last seen at ${lastSeen / 1000} s; SIGKILL is due at 52 s)`);
  between(goneAt / 1000 - 20, 32, 35, "seconds from delete until the pod is gone");
  for (const r of polls.filter((r) => r.atMs < goneAt)) {
    const s = table(r)[0].STATUS;
    assert(s === "Terminating", `STATUS during termination ${s}`);
  }

  // The three preStop hooks started in the same second as the delete.
  const stamps = rec(records, "node-shell").stdout.trim().split("\n").map(Number);
  assert(stamps.length === 3, `preStop stamps ${stamps}`);
  const delSec = Date.parse("2025-01-01T00:00:20Z") / 1000;
  for (const s of stamps) between(s - delSec, 0, 1, "preStop start relative to the delete (s)");
};
