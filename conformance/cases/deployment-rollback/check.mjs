// `kubectl rollout undo` puts the previous template back; the controller finds the ReplicaSet
// that already has it, gives it the next revision (keeping the old one in revision-history) and
// rolls back to it: no third ReplicaSet, and the pods run the old image again.
export default (records, { json, rec, assert }) => {
  const original = json(rec(records, "get rs -o json", 0)).items[0];
  const undo = rec(records, "rollout undo");
  assert(undo.exitCode === 0 && undo.stdout === "deployment.apps/web rolled back\n", undo.stdout + undo.stderr);
  const status = rec(records, "rollout status", 1);
  assert(status.exitCode === 0 && status.stdout.endsWith('deployment "web" successfully rolled out\n'), status.stdout);

  const d = json(rec(records, "get deployment web -o json"));
  assert(d.spec.template.spec.containers[0].image === "nginx:1.27", "template image back to nginx:1.27");
  assert(!("pod-template-hash" in d.spec.template.metadata.labels), "no pod-template-hash in the Deployment's template");
  assert(d.metadata.annotations["deployment.kubernetes.io/revision"] === "3", "Deployment at revision 3");

  const rss = json(rec(records, "get rs -o json", 1)).items;
  assert(rss.length === 2, `2 ReplicaSets, got ${rss.length}`);
  const reused = rss.find((rs) => rs.metadata.uid === original.metadata.uid);
  assert(reused, "the original ReplicaSet is reused");
  assert(reused.spec.replicas === 3 && reused.status.availableReplicas === 3, "original RS back at 3 available");
  assert(reused.metadata.annotations["deployment.kubernetes.io/revision"] === "3", "original RS is revision 3");
  assert(reused.metadata.annotations["deployment.kubernetes.io/revision-history"] === "1", "revision-history 1");
  const other = rss.find((rs) => rs !== reused);
  assert(other.spec.replicas === 0, "the nginx:1.28 ReplicaSet is scaled to 0");

  const history = rec(records, "rollout history");
  assert(history.stdout.includes("REVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n"), history.stdout);
  const pods = json(rec(records, "get pods -o json")).items.filter((p) => !p.metadata.deletionTimestamp);
  assert(pods.length === 3, `3 running pods, got ${pods.length}`);
  for (const p of pods) {
    assert(p.metadata.name.startsWith(`${original.metadata.name}-`), `pod ${p.metadata.name} of the old RS`);
    assert(p.spec.containers[0].image === "nginx:1.27", "pods run nginx:1.27");
  }
};
