/**
 * Tables for Service endpoints (`printers.go`): `printEndpointSlice` (NAME ADDRESSTYPE PORTS
 * ENDPOINTS AGE, every address whatever its conditions, `<unset>` when none) and `printEndpoints`
 * (NAME ENDPOINTS AGE, ready addresses as `ip:port`, `<none>` without subsets).
 */
import type { ApiObject } from "../api.ts";
import { since } from "../duration.ts";
import type { Table } from "./table.ts";

const MAX = 3;

/** `listWithMoreString`. */
function listWithMore(list: string[], count: number): string {
  const text = list.join(",");
  if (count > MAX) return `${text} + ${count - MAX} more...`;
  return text === "" ? "<unset>" : text;
}

interface SliceView {
  addressType?: string;
  ports?: { name?: string; port?: number }[] | null;
  endpoints?: { addresses?: string[] }[] | null;
}

/** `formatDiscoveryPorts`. */
export function formatDiscoveryPorts(ports: SliceView["ports"]): string {
  const list: string[] = [];
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < MAX) list.push(p.port !== undefined ? String(p.port) : (p.name ?? "*"));
    count++;
  }
  return listWithMore(list, count);
}

/** `formatDiscoveryEndpoints`. */
export function formatDiscoveryEndpoints(endpoints: SliceView["endpoints"]): string {
  const list: string[] = [];
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < MAX) list.push(a);
      count++;
    }
  }
  return listWithMore(list, count);
}

/** `printEndpointSlice`. */
export function endpointSliceTable(objs: ApiObject[], now: number): Table {
  return {
    columns: ["Name", "AddressType", "Ports", "Endpoints", "Age"],
    rows: objs.map((o) => {
      const s = o as unknown as SliceView;
      return {
        cells: [
          o.metadata.name,
          s.addressType ?? "",
          formatDiscoveryPorts(s.ports),
          formatDiscoveryEndpoints(s.endpoints),
          since(o.metadata.creationTimestamp, now),
        ],
        object: o,
      };
    }),
  };
}

interface EndpointsView {
  subsets?: { addresses?: { ip: string }[]; ports?: { port: number }[] }[];
}

/** `formatEndpoints`: ready `ip:port` pairs, three at most, then `+ N more...`. */
export function formatEndpoints(obj: ApiObject): string {
  const subsets = (obj as unknown as EndpointsView).subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      for (const a of addrs) {
        if (list.length < MAX) list.push(a.ip);
        count++;
      }
      continue;
    }
    for (const p of ss.ports ?? []) {
      for (const a of addrs) {
        if (list.length < MAX) list.push(`${a.ip.includes(":") ? `[${a.ip}]` : a.ip}:${p.port}`);
        count++;
      }
    }
  }
  const text = list.join(",");
  return count > MAX ? `${text} + ${count - MAX} more...` : text;
}

/** `printEndpoints`. */
export function endpointsTable(objs: ApiObject[], now: number): Table {
  return {
    columns: ["Name", "Endpoints", "Age"],
    rows: objs.map((o) => ({
      cells: [o.metadata.name, formatEndpoints(o), since(o.metadata.creationTimestamp, now)],
      object: o,
    })),
  };
}
