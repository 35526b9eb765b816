// `kubectl rollout history`: the change cause the Deployment's annotation gave each revision's
// ReplicaSet, one revision's pod template with --revision (tabs as history.go leaves them), a
// missing revision, and -o on the revision's ReplicaSet.
export default (records, { rec, assert }) => {
  const list = rec(records, "rollout history deployment/web", 0);
  assert(
    list.exitCode === 0 &&
      list.stdout === "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first rollout\n2         nginx 1.28\n\n",
    JSON.stringify(list),
  );
  const two = rec(records, "--revision=2");
  const want = [
    "deployment.apps/web with revision #2",
    "Pod Template:",
    "  Labels:\tapp=web",
    "\tpod-template-hash=",
  ].join("\n");
  assert(two.exitCode === 0 && two.stdout.startsWith(want), JSON.stringify(two));
  assert(two.stdout.includes("  Annotations:\tkubernetes.io/change-cause: nginx 1.28\n"), two.stdout);
  assert(two.stdout.includes("    Image:\tnginx:1.28\n"), two.stdout);
  assert(two.stdout.endsWith("  Tolerations:\t<none>\n\n"), two.stdout);
  const missing = rec(records, "--revision=9");
  assert(
    missing.exitCode === 1 && missing.stdout === "" && missing.stderr === "error: unable to find the specified revision\n",
    JSON.stringify(missing),
  );
  const one = rec(records, "--revision=1 -o jsonpath");
  assert(one.exitCode === 0 && one.stdout === "nginx:1.27", JSON.stringify(one));
};
