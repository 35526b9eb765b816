// EndpointSlice conditions during termination (k8s-semantics §10): ready=false at once,
// serving=true while the readiness probe passes, terminating=true; Endpoints drop the pod.
export default (records, { json, rec, assert, table }) => {
  const before = rec(records, "get endpoints web", 0);
  assert(/^web\s+10\.244\.\d+\.\d+:80\s/m.test(before.stdout), `ready pod listed: ${before.stdout}`);
  const d0 = rec(records, "describe service web", 0).stdout;
  assert(/^Port:\s+web\s+8080\/TCP$/m.test(d0) && /^TargetPort:\s+http\/TCP$/m.test(d0), d0);
  assert(/^Endpoints:\s+10\.244\.\d+\.\d+:80$/m.test(d0), d0);
  const slices = json(rec(records, "get endpointslices -l")).items;
  assert(slices.length === 1, `one slice: ${slices.length}`);
  const s = slices[0];
  assert(JSON.stringify(s.ports) === JSON.stringify([{ name: "web", port: 80, protocol: "TCP" }]), JSON.stringify(s.ports));
  const ep = s.endpoints[0];
  assert(ep.targetRef.kind === "Pod" && ep.targetRef.name === "web", JSON.stringify(ep.targetRef));
  assert(JSON.stringify(ep.conditions) === JSON.stringify({ ready: false, serving: true, terminating: true }), JSON.stringify(ep.conditions));
  const during = rec(records, "get endpoints web", 1);
  assert(/^web\s+<none>\s/m.test(during.stdout), `terminating pod left out of Endpoints: ${during.stdout}`);
  const d1 = rec(records, "describe service web", 1).stdout;
  assert(/^Endpoints:\s*$/m.test(d1), `no ready endpoint while terminating: ${d1}`);
  const gone = table(rec(records, "get endpointslices -l", 1));
  assert(gone.length === 1 && gone[0].ENDPOINTS === "<unset>", `placeholder slice once the pod is gone: ${JSON.stringify(gone)}`);
};
