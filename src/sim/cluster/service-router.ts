/**
 * Services on the pod network: the cluster DNS (CoreDNS's `kubernetes` plugin: `<service>`,
 * `<service>.<namespace>`, `<service>.<namespace>.svc`, `<service>.<namespace>.svc.cluster.local`
 * → the cluster IP; headless Services and unknown names do not resolve here) and kube-proxy's
 * rules for connections to a cluster IP (a random usable endpoint, or a reject).
 */
import type { ApiObject } from "../kubectl/api.ts";
import type { KubeProxy } from "../proxy/kube-proxy.ts";
import type { SeededRandom } from "../random.ts";
import type { ServiceRouter } from "../runtime/network.ts";

const CLUSTER_DOMAIN = "cluster.local";

/** The cluster DNS and kube-proxy's cluster-IP rules over the API server's Services. */
export function serviceRouter(
  services: (namespace?: string) => ApiObject[],
  proxy: KubeProxy,
  random: SeededRandom,
): ServiceRouter {
  const clusterIP = (s: ApiObject) => (s.spec as { clusterIP?: string } | undefined)?.clusterIP;
  return {
    resolve(name, namespace) {
      const parts = name.replace(/\.$/, "").split(".");
      const domain = parts.slice(3).join(".");
      if (parts.length > 2 && parts[2] !== "svc") return undefined;
      if (parts.length > 3 && domain !== CLUSTER_DOMAIN) return undefined;
      const ns = parts[1] ?? namespace;
      const svc = services(ns).find((s) => s.metadata.name === parts[0]);
      const ip = svc ? clusterIP(svc) : undefined;
      return ip && ip !== "None" ? ip : undefined;
    },
    route(ip, port) {
      const svc = services().find((s) => clusterIP(s) === ip);
      if (!svc) return undefined;
      const rules = proxy.lookup(svc.metadata.namespace ?? "default", svc.metadata.name);
      const p = rules?.ports.find((x) => x.port === port && x.protocol === "TCP");
      if (!p || p.usable.length === 0) return "reject";
      const ep = p.usable[random.int(0, p.usable.length - 1)]!;
      return { ip: ep.ip, port: ep.port };
    },
  };
}
