// §12 case 28 (test/e2e/common/node/pods.go "should support pod readiness gates"): the pod is not
// Ready until both gate conditions are True, and turns not Ready when one is set False; the kubelet
// keeps the gate conditions that others wrote. Messages: pkg/kubelet/status/generate.go
// GeneratePodReadyCondition (ReadinessGatesNotReady).
export default (records, { json, rec, condition, table, assert }) => {
  const ready = (n) => json(rec(records, "get pod gated-ready -o json", n)).status.conditions.find((c) => c.type === "Ready");
  const first = ready(0);
  assert(first.status === "False" && first.reason === "ReadinessGatesNotReady", `at 20s: ${JSON.stringify(first)}`);
  assert(
    first.message === 'corresponding condition of pod readiness gate "www.example.com/feature-1" does not exist.',
    `message at 20s: ${first.message}`,
  );
  const patched = rec(records, "feature-1\",\"status\":\"True\"");
  assert(patched.exitCode === 0 && patched.stdout === "pod/gated-ready patched\n", `patch: ${patched.stdout}${patched.stderr}`);
  const second = ready(1);
  assert(second.status === "False", "one gate True is not enough");
  assert(
    second.message === 'corresponding condition of pod readiness gate "www.example.com/feature-2" does not exist.',
    `message at 25s: ${second.message}`,
  );
  const both = json(rec(records, "get pod gated-ready -o json", 2));
  assert(condition(both, "Ready") === "True", "both gates True: Ready");
  assert(
    both.status.conditions.some((c) => c.type === "www.example.com/feature-1" && c.status === "True"),
    "the kubelet must keep the gate conditions",
  );
  const row = table(rec(records, "get pods -o wide"))[0];
  assert(row["READINESS GATES"] === "2/2", `READINESS GATES ${row["READINESS GATES"]}`);
  const last = ready(3);
  assert(last.status === "False", "a gate set False makes the pod not Ready");
  assert(
    last.message === 'the status of pod readiness gate "www.example.com/feature-1" is not "True", but False',
    `message at 35s: ${last.message}`,
  );
};
