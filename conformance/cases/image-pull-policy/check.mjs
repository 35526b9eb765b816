// imagePullPolicy defaulting and the image manager's presence check.
// Sources: pkg/apis/core/v1/defaults.go SetDefaults_Container (tag latest or no tag → Always, any
// other tag or a digest → IfNotPresent); pkg/kubelet/images/image_manager.go EnsureImageExists
// (`Container image %q already present on machine`, Never + absent → Warning ErrImageNeverPull
// `Container image %q is not present with pull policy of Never`, Always pulls even when present).
export default (records, { json, rec, events, table, containerStatus, assert }) => {
  const pod = json(rec(records, "get pod policies"));
  const policy = Object.fromEntries(pod.spec.containers.map((c) => [c.name, c.imagePullPolicy]));
  assert(policy.tagged === "IfNotPresent", `nginx:1.27 → ${policy.tagged}, want IfNotPresent`);
  assert(policy.untagged === "Always", `busybox (no tag) → ${policy.untagged}, want Always`);
  assert(policy.never === "Never", `explicit Never kept, got ${policy.never}`);
  assert(policy.digest === "IfNotPresent", `digest reference → ${policy.digest}, want IfNotPresent`);
  for (const c of ["tagged", "untagged", "never", "digest"]) {
    assert(containerStatus(pod, c).state.running, `${c} should be running`);
  }

  const ev = rec(records, "get events");
  const pulled = (c) => events(ev, { object: "policies", container: c, reason: "Pulled" });
  const pulling = (c) => events(ev, { object: "policies", container: c, reason: "Pulling" });
  // Present + IfNotPresent: no pull, the "already present" Pulled event.
  assert(pulling("tagged").length === 0, "nginx:1.27 is on the node: IfNotPresent must not pull");
  assert(
    pulled("tagged")[0]?.message === 'Container image "nginx:1.27" already present on machine',
    `tagged Pulled: ${pulled("tagged")[0]?.message}`,
  );
  // Present + Always: pulls anyway.
  assert(pulling("untagged")[0]?.message === 'Pulling image "busybox"', "Always must pull even a present image");
  assert(
    /^Successfully pulled image "busybox" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/.test(
      pulled("untagged")[0]?.message ?? "",
    ),
    `untagged Pulled: ${pulled("untagged")[0]?.message}`,
  );
  // Present + Never: no pull, same "already present" message.
  assert(pulling("never").length === 0, "Never must not pull");
  assert(
    pulled("never")[0]?.message === 'Container image "busybox:1.36" already present on machine',
    `never Pulled: ${pulled("never")[0]?.message}`,
  );
  assert(pulled("never")[0]?.type === "Normal", "Pulled is a Normal event");

  // Absent + Never: ErrImageNeverPull, retried on every sync, pod stays Pending.
  const np = json(rec(records, "get pod never-missing"));
  assert(np.status.phase === "Pending", `never-missing phase ${np.status.phase}`);
  assert(np.spec.containers[0].imagePullPolicy === "Never", "explicit Never kept");
  const w = containerStatus(np, "app").state.waiting;
  assert(w?.reason === "ErrImageNeverPull", `waiting ${JSON.stringify(w)}`);
  assert(w.message === 'Container image "alpine:3.20" is not present with pull policy of Never', `message ${w.message}`);
  const nev = events(ev, { object: "never-missing", reason: "ErrImageNeverPull" });
  assert(nev.length === 1 && nev[0].type === "Warning", "one aggregated Warning ErrImageNeverPull event");
  assert(nev[0].message === 'Container image "alpine:3.20" is not present with pull policy of Never', nev[0].message);
  assert(nev[0].count >= 2, `ErrImageNeverPull is re-emitted on each sync (count ${nev[0].count})`);
  assert(events(ev, { object: "never-missing", reason: "Pulling" }).length === 0, "Never must not pull");

  const rows = Object.fromEntries(table(rec(records, "get pods")).map((r) => [r.NAME, r]));
  assert(rows["never-missing"].STATUS === "ErrImageNeverPull", `STATUS ${rows["never-missing"].STATUS}`);
  assert(rows.policies.STATUS === "Running" && rows.policies.READY === "4/4", `policies row ${JSON.stringify(rows.policies)}`);
};
