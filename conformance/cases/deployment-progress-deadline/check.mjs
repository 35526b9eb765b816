// A new template whose readiness probe always fails: with 3 replicas at 25%/25% (surge 1,
// unavailable 0) one new pod is created and no old one may go, so the rollout makes no progress
// and the Deployment reports ProgressDeadlineExceeded progressDeadlineSeconds (60) after its last
// progress; `kubectl rollout status` then fails. The old pods keep serving.
export default (records, { json, rec, assert, between }) => {
  const before = json(rec(records, "get deployment web -o json", 0));
  assert(before.status.availableReplicas === 3, "3 available before the rollout");
  const status = rec(records, "rollout status");
  assert(status.exitCode === 1, `rollout status exited ${status.exitCode}`);
  assert(status.stderr === 'error: deployment "web" exceeded its progress deadline\n', status.stderr);
  between((status.endMs - status.atMs) / 1000, 60, 63, "seconds until the deadline was reported");

  const d = json(rec(records, "get deployment web -o json", 1));
  const rss = json(rec(records, "get rs -o json")).items;
  const newRS = rss.find((rs) => rs.spec.template.spec.containers[0].image.includes("web-next"));
  assert(newRS, "no new ReplicaSet");
  const progressing = d.status.conditions.find((c) => c.type === "Progressing");
  assert(progressing.status === "False", `Progressing ${progressing.status}`);
  assert(progressing.reason === "ProgressDeadlineExceeded", progressing.reason);
  assert(
    progressing.message === `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
    progressing.message,
  );
  const available = d.status.conditions.find((c) => c.type === "Available");
  assert(available.status === "True" && available.reason === "MinimumReplicasAvailable", "still available");
  assert(d.status.availableReplicas === 3, `availableReplicas ${d.status.availableReplicas}`);
  assert(d.status.updatedReplicas === 1, `updatedReplicas ${d.status.updatedReplicas}`);
  assert(d.status.unavailableReplicas === 1, `unavailableReplicas ${d.status.unavailableReplicas}`);
  assert(newRS.spec.replicas === 1 && (newRS.status.readyReplicas ?? 0) === 0, "new RS: 1 replica, not ready");
};
