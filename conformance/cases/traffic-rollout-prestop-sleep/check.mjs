// With a preStop sleep longer than the endpoint propagation delay, kube-proxy stops routing to each
// old pod before its nginx stops accepting: the rollout drops no request.
export default (records, { json, rec, events, assert }) => {
  const after = json(rec(records, "podlife traffic -o json", 1)).services[0];
  assert(after.sent > 1000, `traffic kept flowing: ${after.sent}`);
  assert(after.failed === 0, `no request failed: ${JSON.stringify(after)}`);
  assert(after.sent - after.succeeded <= 1, `all but the one in flight succeeded: ${JSON.stringify(after)}`);
  const scaled = events(rec(records, "get events -o json"), { reason: "ScalingReplicaSet" });
  assert(scaled.length >= 5, `the rollout happened: ${scaled.length} scaling steps`);
};
