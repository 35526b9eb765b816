// During a 4-replica rolling update at 25%/25%, the Deployment never reports fewer than
// replicas − maxUnavailable = 3 available replicas, nor more than replicas + maxSurge = 5
// replicas; sampled every 250 ms until well after the rollout ends.
export default (records, { json, assert }) => {
  const samples = records.filter((r) => r.command === "kubectl get deployment web -o json").map(json);
  assert(samples.length === 60, `expected 60 samples, got ${samples.length}`);
  let sawRollout = false;
  for (const d of samples) {
    const s = d.status;
    assert((s.availableReplicas ?? 0) >= 3, `availableReplicas ${s.availableReplicas} < 3`);
    assert((s.replicas ?? 0) <= 5, `replicas ${s.replicas} > 5`);
    if ((s.updatedReplicas ?? 0) > 0 && (s.updatedReplicas ?? 0) < 4) sawRollout = true;
  }
  assert(sawRollout, "no sample caught the rollout in progress");
  const last = samples[samples.length - 1].status;
  assert(
    last.replicas === 4 && last.updatedReplicas === 4 && last.availableReplicas === 4,
    `final status ${JSON.stringify(last)}`,
  );
  assert(last.unavailableReplicas === undefined, "no unavailable replicas at the end (omitted when 0)");
  const rss = json(records[records.length - 1]).items;
  assert(rss.length === 2, `two ReplicaSets, got ${rss.length}`);
  assert(rss.map((rs) => rs.spec.replicas).sort().join(",") === "0,4", "old RS at 0, new at 4");
};
