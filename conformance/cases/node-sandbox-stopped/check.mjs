// Sandbox stopped → SandboxChanged; init containers re-run in order before the regular container
// restarts; restart counts go up; the emptyDir outlives the sandbox.
export default (records, { json, rec, events, assert, table }) => {
  const stop = rec(records, "crictl stopp");
  assert(/^Stopped sandbox [0-9a-f]{64}\n$/.test(stop.stdout), JSON.stringify(stop));
  const changed = events(rec(records, "get events -o json"), { reason: "SandboxChanged" });
  assert(changed.length === 1 && changed[0].message === "Pod sandbox changed, it will be killed and re-created.", JSON.stringify(changed));
  assert(changed[0].type === "Normal" && changed[0].source.component === "kubelet", JSON.stringify(changed[0]));
  const row = table(rec(records, "get pod web"))[0];
  assert(row.STATUS === "Running" && row.READY === "1/1" && row.RESTARTS.startsWith("1 ("), JSON.stringify(row));
  const pod = json(rec(records, "get pod web -o json"));
  const [i1, i2] = pod.status.initContainerStatuses;
  const app = pod.status.containerStatuses[0];
  assert(i1.restartCount === 1 && i2.restartCount === 1 && app.restartCount === 1, JSON.stringify([i1.restartCount, i2.restartCount, app.restartCount]));
  assert(app.lastState.terminated.exitCode === 137, JSON.stringify(app.lastState));
  const t = (s) => Date.parse(s);
  assert(t(i1.state.terminated.finishedAt) <= t(i2.state.terminated.startedAt), "init1 before init2");
  assert(t(i2.state.terminated.finishedAt) <= t(app.state.running.startedAt), "init2 before the app restarts");
  assert(t(i1.state.terminated.startedAt) > t(app.lastState.terminated.finishedAt), "init containers ran again after the stop");
  const logs = rec(records, "logs web").stdout;
  assert(logs === "init1\ninit2\ninit1\ninit2\n", `emptyDir kept, inits ran twice in order: ${JSON.stringify(logs)}`);
  const pods = rec(records, "crictl pods", 1).stdout.split("\n");
  assert(/^[0-9a-f]{13}\s+\d+ seconds ago\s+Ready\s+web\s+default\s+1\s+\(default\)$/.test(pods[1] ?? ""), pods.join("\n"));
};
