// kubectl describe of Endpoints and EndpointSlices (describe.go describeEndpoints,
// describeEndpointSliceV1): ready and not-ready addresses, the ports table, a blank line after each
// subset, only the Ready condition per slice endpoint; the terminating pod stays in the slice with
// Ready false but leaves the Endpoints (k8s-semantics §10); the v1 Endpoints warning once on stderr.
const WARNING = "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

export default (records, { rec, assert, table }) => {
  const pods = Object.fromEntries(table(rec(records, "get pods -o wide")).map((p) => [p.NAME, p.IP]));
  const [ready, unready] = [pods.ready, pods.unready];
  assert(/^10\.244\.\d+\.\d+$/.test(ready) && /^10\.244\.\d+\.\d+$/.test(unready), JSON.stringify(pods));

  const ep0 = rec(records, "describe endpoints web");
  assert(ep0.exitCode === 0 && ep0.stderr === WARNING, `one warning: ${JSON.stringify(ep0.stderr)}`);
  const subset0 = [
    "Subsets:",
    `  Addresses:          ${ready}`,
    `  NotReadyAddresses:  ${unready}`,
    "  Ports:",
    "    Name  Port  Protocol",
    "    ----  ----  --------",
    "    http  80    TCP",
    "",
    "Events:  <none>",
    "",
  ].join("\n");
  assert(ep0.stdout.startsWith("Name:         web\nNamespace:    default\nLabels:       <none>\n"), ep0.stdout);
  assert(ep0.stdout.endsWith(subset0), ep0.stdout);

  const eps0 = rec(records, "describe endpointslices -l").stdout;
  assert(/^Name:\s+web-[a-z0-9]{5}\n/.test(eps0), eps0);
  assert(eps0.includes("AddressType:  IPv4\nPorts:\n  Name  Port  Protocol\n  ----  ----  --------\n  http  80    TCP\nEndpoints:\n"), eps0);
  const endpoint = (ip, pod, isReady) =>
    `  - Addresses:  ${ip}\n    Conditions:\n      Ready:    ${isReady}\n    Hostname:   <unset>\n    TargetRef:  Pod/${pod}\n    NodeName:   node-1\n    Zone:       <unset>\n`;
  assert(eps0.includes(endpoint(ready, "ready", true) + endpoint(unready, "unready", false)), eps0);
  assert(!/Serving|Terminating/.test(eps0), `describe shows only the Ready condition: ${eps0}`);
  assert(eps0.endsWith("Events:         <none>\n"), eps0);
  assert(rec(records, "describe endpointslices -l").stderr === "", "no warning for EndpointSlices");

  const svc = rec(records, "describe svc web").stdout;
  assert(new RegExp(`^Endpoints:\\s+${ready.replaceAll(".", "\\.")}:80$`, "m").test(svc), svc);

  const ep1 = rec(records, "describe ep web");
  assert(ep1.stderr === WARNING, ep1.stderr);
  assert(ep1.stdout.includes(`Subsets:\n  Addresses:          <none>\n  NotReadyAddresses:  ${unready}\n`), `terminating pod left out: ${ep1.stdout}`);

  const eps1 = rec(records, "describe endpointslice -l").stdout;
  assert(eps1.includes(endpoint(ready, "ready", false) + endpoint(unready, "unready", false)), `terminating pod kept, not ready: ${eps1}`);

  const nope = rec(records, "describe endpoints nope");
  assert(nope.exitCode === 1 && nope.stdout === "", JSON.stringify(nope));
  assert(nope.stderr === `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`, nope.stderr);
};
