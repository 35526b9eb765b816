// k8s-semantics §9's worked example: 4 replicas at 25%/25% (surge 1, unavailable 1) roll as
// new 0→1, old 4→3, new 1→2, then one old down and one new up for each new pod that becomes
// available; the first three steps are separate controller syncs, milliseconds apart.
export default (records, { json, rec, events, firstAt, assert, between }) => {
  const before = json(rec(records, "get rs -o json", 0)).items;
  assert(before.length === 1, `one ReplicaSet before the rollout, got ${before.length}`);
  const oldRS = before[0].metadata.name;
  const after = json(rec(records, "get rs -o json", 1)).items;
  const newRS = after.find((rs) => rs.metadata.name !== oldRS)?.metadata.name;
  assert(newRS, "no new ReplicaSet after the rollout");
  assert(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/.test(newRS), `new ReplicaSet name ${newRS}`);
  const hash = after.find((rs) => rs.metadata.name === newRS).metadata.labels["pod-template-hash"];
  assert(newRS === `web-${hash}`, `name is not web-<pod-template-hash>: ${newRS} / ${hash}`);

  const scaling = events(rec(records, "get events -o json"), { reason: "ScalingReplicaSet", object: "web" });
  const steps = scaling.map((e) => e.message.replace(newRS, "NEW").replace(oldRS, "OLD"));
  const want = [
    "Scaled up replica set OLD from 0 to 4",
    "Scaled up replica set NEW from 0 to 1",
    "Scaled down replica set OLD from 4 to 3",
    "Scaled up replica set NEW from 1 to 2",
    "Scaled down replica set OLD from 3 to 2",
    "Scaled up replica set NEW from 2 to 3",
    "Scaled down replica set OLD from 2 to 1",
    "Scaled up replica set NEW from 3 to 4",
    "Scaled down replica set OLD from 1 to 0",
  ];
  assert(JSON.stringify(steps) === JSON.stringify(want), `steps:\n${steps.join("\n")}`);
  for (const e of scaling) {
    assert(e.source.component === "deployment-controller", `source ${e.source.component}`);
    assert(e.type === "Normal" && e.involvedObject.kind === "Deployment", "ScalingReplicaSet is Normal, on the Deployment");
  }
  between(firstAt(scaling[3]) - firstAt(scaling[1]), 1, 200, "ms from new 0→1 to new 1→2");

  const status = rec(records, "rollout status");
  assert(status.exitCode === 0, `rollout status exited ${status.exitCode}`);
  assert(status.stdout.endsWith('deployment "web" successfully rolled out\n'), status.stdout);
  const d = json(rec(records, "get deployment web -o json"));
  assert(d.metadata.annotations["deployment.kubernetes.io/revision"] === "2", "revision 2");
  const progressing = d.status.conditions.find((c) => c.type === "Progressing");
  assert(progressing.reason === "NewReplicaSetAvailable", `Progressing ${progressing.reason}`);
  assert(progressing.message === `ReplicaSet "${newRS}" has successfully progressed.`, progressing.message);
};
