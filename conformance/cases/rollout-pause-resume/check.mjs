// `kubectl rollout pause|resume`: messages, the "already" errors, and no new ReplicaSet while paused.
export default (records, { rec, assert, table }) => {
  const p1 = rec(records, "rollout pause", 0);
  const p2 = rec(records, "rollout pause", 1);
  assert(p1.exitCode === 0 && p1.stdout === "deployment.apps/web paused\n", JSON.stringify(p1));
  assert(p2.exitCode === 1 && p2.stderr === 'error: deployments.apps "web" is already paused\n', JSON.stringify(p2));
  const paused = table(rec(records, "get rs", 0));
  assert(paused.length === 1, `no new ReplicaSet while paused: ${JSON.stringify(paused)}`);
  const reason = rec(records, "jsonpath").stdout;
  assert(reason === "DeploymentPaused", `Progressing reason while paused: ${reason}`);
  const r1 = rec(records, "rollout resume", 0);
  const r2 = rec(records, "rollout resume", 1);
  assert(r1.stdout === "deployment.apps/web resumed\n", JSON.stringify(r1));
  assert(r2.exitCode === 1 && r2.stderr === 'error: deployments.apps "web" is not paused\n', JSON.stringify(r2));
  const status = rec(records, "rollout status");
  assert(status.exitCode === 0 && status.stdout.endsWith('deployment "web" successfully rolled out\n'), status.stdout);
  const after = table(rec(records, "get rs", 1));
  assert(after.length === 2 && after.some((r) => r.DESIRED === "2" && r.READY === "2"), JSON.stringify(after));
};
