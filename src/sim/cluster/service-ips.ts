/**
 * The API server's Service IP and node port allocators on a kind-style cluster: cluster IPs from
 * the Service CIDR `10.96.0.0/16` (dynamic allocations from the upper band, above the first 256
 * addresses that are kept for static ones; `10.96.0.1` is the `kubernetes` Service), node ports
 * from 30000–32767. Picks are random, from the seeded generator.
 */
import type { SeededRandom } from "../random.ts";

/** The `kubernetes` Service's address (the first of the Service CIDR). */
export const KUBERNETES_SERVICE_IP = "10.96.0.1";

const SERVICE_CIDR_PREFIX = "10.96.";
const STATIC_BAND = 256;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/** Hands out unused cluster IPs and node ports. */
export class ServiceAllocator {
  private readonly ips = new Set<string>([KUBERNETES_SERVICE_IP]);
  private readonly ports = new Set<number>();

  constructor(private readonly random: SeededRandom) {}

  /** Marks an address as taken (a Service created with an explicit `clusterIP`). */
  reserveIP(ip: string): boolean {
    if (this.ips.has(ip)) return false;
    this.ips.add(ip);
    return true;
  }

  /** A free cluster IP. */
  allocateIP(): string {
    for (;;) {
      const offset = this.random.int(STATIC_BAND, 65534);
      const ip = `${SERVICE_CIDR_PREFIX}${offset >> 8}.${offset & 255}`;
      if (!this.ips.has(ip)) {
        this.ips.add(ip);
        return ip;
      }
    }
  }

  /** Releases an address (Service deleted). */
  releaseIP(ip: string): void {
    if (ip !== KUBERNETES_SERVICE_IP) this.ips.delete(ip);
  }

  /** Marks a node port as taken; false when it already is. */
  reservePort(port: number): boolean {
    if (this.ports.has(port)) return false;
    this.ports.add(port);
    return true;
  }

  /** A free node port. */
  allocatePort(): number {
    for (;;) {
      const port = this.random.int(NODE_PORT_MIN, NODE_PORT_MAX);
      if (this.reservePort(port)) return port;
    }
  }

  /** Releases a node port. */
  releasePort(port: number): void {
    this.ports.delete(port);
  }
}
