/**
 * Service defaulting (pkg/apis/core/v1/defaults.go `SetDefaults_Service`) plus what the Service
 * registry fills in on create for a single-stack cluster (`ipFamilyPolicy`, `ipFamilies`). The
 * cluster IP itself is allocated by the simulated cluster, not here.
 */
import { child, items, type Obj, setDefault, setDefaultIfZero } from "./util.ts";

/** Applies the Service defaults in place. */
export function defaultService(service: Obj): void {
  const spec = child(service, "spec");
  setDefaultIfZero(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP")
    setDefault(spec, "sessionAffinityConfig", { clientIP: { timeoutSeconds: 10800 } });
  setDefaultIfZero(spec, "type", "ClusterIP");
  for (const port of items(spec, "ports")) {
    setDefaultIfZero(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "")
      port.targetPort = port.port;
  }
  const type = spec.type;
  if ((type === "NodePort" || type === "LoadBalancer") && !spec.externalTrafficPolicy)
    spec.externalTrafficPolicy = "Cluster";
  if (type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP")
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  if (type !== "ExternalName") {
    setDefaultIfZero(spec, "ipFamilyPolicy", "SingleStack");
    setDefault(spec, "ipFamilies", ["IPv4"]);
  }
}
