// Scaling a Deployment resizes its only ReplicaSet in one step (ScalingReplicaSet on the
// Deployment); the ReplicaSet controller then creates or deletes pods, one SuccessfulCreate or
// SuccessfulDelete event per pod, with the pod's generated name.
export default (records, { json, rec, events, assert }) => {
  const rs = json(rec(records, "get rs -o json")).items;
  assert(rs.length === 1, `one ReplicaSet, got ${rs.length}`);
  const name = rs[0].metadata.name;
  const all = rec(records, "get events -o json");
  const scaling = events(all, { reason: "ScalingReplicaSet" }).map((e) => e.message);
  const want = [
    `Scaled up replica set ${name} from 0 to 2`,
    `Scaled up replica set ${name} from 2 to 5`,
    `Scaled down replica set ${name} from 5 to 1`,
  ];
  assert(JSON.stringify(scaling) === JSON.stringify(want), `scaling events: ${JSON.stringify(scaling)}`);

  const created = events(all, { reason: "SuccessfulCreate", object: name });
  const deleted = events(all, { reason: "SuccessfulDelete", object: name });
  assert(created.length === 5, `5 SuccessfulCreate events, got ${created.length}`);
  assert(deleted.length === 4, `4 SuccessfulDelete events, got ${deleted.length}`);
  const podName = new RegExp(`^${name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`);
  for (const e of created) {
    assert(e.source.component === "replicaset-controller" && e.involvedObject.kind === "ReplicaSet", "source");
    assert(podName.test(e.message.replace("Created pod: ", "")), `message ${e.message}`);
  }
  for (const e of deleted) assert(/^Deleted pod: /.test(e.message), `message ${e.message}`);

  const mid = json(rec(records, "get deployment web -o json"));
  assert(mid.status.replicas === 5 && mid.status.availableReplicas === 5, `at 20s: ${JSON.stringify(mid.status)}`);
  const pods = json(rec(records, "get pods -o json")).items;
  assert(pods.length === 1, `1 pod left, got ${pods.length}`);
  const owner = pods[0].metadata.ownerReferences[0];
  assert(owner.kind === "ReplicaSet" && owner.name === name && owner.controller === true, "owned by the RS");
};
