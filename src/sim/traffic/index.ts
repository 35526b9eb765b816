/**
 * The Scenario's traffic: one generator per `spec.traffic` entry, their counts gathered per
 * Service (two generators aimed at one Service add up).
 */
import type { VirtualClock } from "../clock.ts";
import type { KubeProxy } from "../proxy/kube-proxy.ts";
import type { SeededRandom } from "../random.ts";
import type { ClusterNetwork } from "../runtime/network.ts";
import type { TrafficSpec } from "../scenario/types.ts";
import { TrafficGenerator } from "./generator.ts";
import { ServiceTraffic } from "./stats.ts";

export type { FailedRequest, RequestOutcome } from "./stats.ts";
export { ServiceTraffic } from "./stats.ts";

/** What the generators need from the cluster. */
export interface TrafficHost {
  clock: VirtualClock;
  proxy: KubeProxy;
  network: ClusterNetwork;
  random: SeededRandom;
}

/** Starts the generators; returns the per-Service counts they fill, in first-mention order. */
export function startTraffic(
  host: TrafficHost,
  specs: TrafficSpec[],
  namespace = "default",
): ServiceTraffic[] {
  const byService = new Map<string, ServiceTraffic>();
  specs.forEach((spec, i) => {
    let stats = byService.get(spec.service);
    if (!stats) byService.set(spec.service, (stats = new ServiceTraffic(namespace, spec.service)));
    new TrafficGenerator(
      spec,
      namespace,
      stats,
      host.clock,
      host.proxy,
      host.network,
      host.random.fork(`traffic/${i}/${spec.service}`),
    );
  });
  return [...byService.values()];
}
