// Recreate: every old pod is stopped before the new ReplicaSet is scaled up. The old pods sleep
// 5 s in preStop, so the new ReplicaSet appears at least 5 s after the old one went to 0, and no
// new pod exists while old ones terminate.
export default (records, { json, rec, events, firstAt, assert, table }) => {
  const oldRS = json(rec(records, "get rs -o json", 0)).items[0].metadata.name;
  const rss = json(rec(records, "get rs -o json", 1)).items;
  const newRS = rss.find((rs) => rs.metadata.name !== oldRS).metadata.name;
  const all = rec(records, "get events -o json");
  const scaling = events(all, { reason: "ScalingReplicaSet" });
  const steps = scaling.map((e) => e.message.replace(newRS, "NEW").replace(oldRS, "OLD"));
  const want = [
    "Scaled up replica set OLD from 0 to 3",
    "Scaled down replica set OLD from 3 to 0",
    "Scaled up replica set NEW from 0 to 3",
  ];
  assert(JSON.stringify(steps) === JSON.stringify(want), `steps: ${JSON.stringify(steps)}`);
  const gap = (firstAt(scaling[2]) - firstAt(scaling[1])) / 1000;
  assert(gap >= 5 && gap < 7, `new ReplicaSet scaled up ${gap}s after the old one went to 0`);
  const firstCreate = Math.min(...events(all, { reason: "SuccessfulCreate", object: newRS }).map(firstAt));
  assert(firstCreate >= firstAt(scaling[2]), "new pods only after the new ReplicaSet is scaled up");

  const during = table(rec(records, "get pods"));
  assert(during.length === 3, `3 pods 2 s into the rollout, got ${during.length}`);
  for (const row of during) {
    assert(row.NAME.startsWith(`${oldRS}-`), `only old pods while they stop: ${row.NAME}`);
    assert(row.STATUS === "Terminating", `old pod ${row.NAME} is ${row.STATUS}`);
  }
  const status = rec(records, "rollout status");
  assert(status.exitCode === 0 && status.stdout.endsWith('deployment "web" successfully rolled out\n'), status.stdout);
  assert(rss.find((rs) => rs.metadata.name === oldRS).spec.replicas === 0, "old RS at 0");
};
