// Without a preStop hook the rollout drops requests: old pods stop accepting while kube-proxy still
// routes to them. Before the rollout nothing failed; afterwards every failure is a refusal.
export default (records, { json, rec, assert, table }) => {
  const before = json(rec(records, "podlife traffic -o json", 0)).services[0];
  const after = json(rec(records, "podlife traffic -o json", 1)).services[0];
  assert(before.name === "web" && before.sent > 0 && before.failed === 0, `before: ${JSON.stringify(before)}`);
  assert(after.sent > before.sent + 1000, `traffic kept flowing: ${after.sent}`);
  assert(after.failed > 0, `requests failed during the rollout: ${JSON.stringify(after)}`);
  assert(after.refused === after.failed, `failures are refusals: ${JSON.stringify(after)}`);
  assert(after.succeeded + after.failed <= after.sent, "counts add up");
  const slices = table(rec(records, "get endpointslices"));
  const web = slices.find((r) => r.NAME.startsWith("web-"));
  assert(web && web.ADDRESSTYPE === "IPv4" && web.PORTS === "80", `slice row: ${JSON.stringify(web)}`);
  assert(slices.some((r) => r.NAME === "kubernetes"), "the kubernetes Service's slice is listed");
  const ep = rec(records, "get endpoints web");
  assert(ep.stderr.includes("v1 Endpoints is deprecated in v1.33+"), ep.stderr);
  assert(/^web\s+(\d+\.){3}\d+:80,/m.test(ep.stdout), ep.stdout);
};
