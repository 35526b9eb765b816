/**
 * The controller manager: the workload and endpoint controllers and the garbage collector, fed by the API
 * server's watch. Each controller reacts through its own informer handlers and work queue.
 */
import type { SeededRandom } from "../random.ts";
import { DeploymentController } from "./deployment-controller.ts";
import { EndpointsController } from "./endpoints-controller.ts";
import { EndpointSliceController } from "./endpointslice-controller.ts";
import { GarbageCollector } from "./garbage-collector.ts";
import type { ControllerHost } from "./host.ts";
import { ReplicaSetController } from "./replicaset-controller.ts";
import { ServicePodIndex } from "./service-pod-index.ts";
import type { WatchEvent } from "./watch.ts";

/** Runs the controllers of `kube-controller-manager` that Podlife simulates. */
export class ControllerManager {
  readonly replicaSets: ReplicaSetController;
  readonly deployments: DeploymentController;
  readonly garbageCollector: GarbageCollector;
  readonly endpointSlices: EndpointSliceController;
  readonly endpoints: EndpointsController;
  /**
   * The informer cache both endpoint controllers read. Why one: they watch the same Services and
   * pods, and keeping two copies up to date cost every pod event twice.
   */
  private readonly servicePods = new ServicePodIndex();

  constructor(host: ControllerHost, random: SeededRandom) {
    this.replicaSets = new ReplicaSetController(host, random.fork("replicaset-controller"));
    this.deployments = new DeploymentController(host, random.fork("deployment-controller"));
    this.garbageCollector = new GarbageCollector(host, random.fork("garbage-collector"));
    this.endpointSlices = new EndpointSliceController(
      host,
      random.fork("endpointslice-controller"),
      this.servicePods,
    );
    this.endpoints = new EndpointsController(host, random.fork("endpoint-controller"), this.servicePods);
  }

  /** Delivers one watch event to every controller's handlers. */
  observe(event: WatchEvent): void {
    this.replicaSets.observe(event);
    this.deployments.observe(event);
    this.garbageCollector.observe(event);
    const serviceKeys = this.servicePods.observe(event);
    this.endpointSlices.observe(event, serviceKeys);
    this.endpoints.observe(event, serviceKeys);
  }
}
