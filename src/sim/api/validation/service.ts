/** Service validation on create (pkg/apis/core/validation/validation.go `ValidateService`, the basics). */
import type { ObjectMeta, ServiceSpec } from "../types.ts";
import { duplicate, type FieldError, invalid, notSupported, required } from "./errors.ts";
import { validateLabels, validateObjectMeta } from "./meta.ts";
import { isDNS1035Label, isValidPortNum } from "./names.ts";
import { validatePortNumOrName } from "./pod.ts";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** Validation of a Service on create. */
export function validateService(obj: { metadata: ObjectMeta; spec?: ServiceSpec }): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, isDNS1035Label, ["metadata"]);
  const spec = obj.spec ?? {};
  const type = spec.type ?? "";
  if (!TYPES.includes(type))
    errs.push(type ? notSupported(["spec", "type"], type, TYPES) : required(["spec", "type"]));
  const ports = spec.ports ?? [];
  if (type !== "ExternalName" && ports.length === 0 && spec.clusterIP !== "None")
    errs.push(required(["spec", "ports"]));
  if (type === "ExternalName" && !spec.externalName) errs.push(required(["spec", "externalName"]));
  const names = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((port, i) => {
    const p = ["spec", "ports", i];
    if (ports.length > 1 && !port.name) errs.push(required([...p, "name"]));
    if (port.name) {
      if (names.has(port.name)) errs.push(duplicate([...p, "name"], port.name));
      names.add(port.name);
    }
    for (const msg of isValidPortNum(port.port ?? 0)) errs.push(invalid([...p, "port"], port.port ?? 0, msg));
    if (!port.protocol) errs.push(required([...p, "protocol"]));
    else if (!PROTOCOLS.includes(port.protocol))
      errs.push(notSupported([...p, "protocol"], port.protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(port.targetPort, [...p, "targetPort"]));
    const key = `${port.port}/${port.protocol}`;
    if (portKeys.has(key)) {
      errs.push(
        duplicate(p, {
          go: `core.ServicePort{Name:"", Protocol:${JSON.stringify(port.protocol)}, AppProtocol:(*string)(nil), Port:${port.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
        }),
      );
    }
    portKeys.add(key);
  });
  errs.push(...validateLabels(spec.selector, ["spec", "selector"]));
  const affinity = spec.sessionAffinity;
  if (affinity && affinity !== "None" && affinity !== "ClientIP") {
    errs.push(notSupported(["spec", "sessionAffinity"], affinity, ["ClientIP", "None"]));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp && itp !== "Cluster" && itp !== "Local") {
    errs.push(notSupported(["spec", "internalTrafficPolicy"], itp, ["Cluster", "Local"]));
  }
  const ipfp = spec.ipFamilyPolicy;
  if (ipfp && !["SingleStack", "PreferDualStack", "RequireDualStack"].includes(ipfp)) {
    errs.push(
      notSupported(["spec", "ipFamilyPolicy"], ipfp, ["PreferDualStack", "RequireDualStack", "SingleStack"]),
    );
  }
  return errs;
}
