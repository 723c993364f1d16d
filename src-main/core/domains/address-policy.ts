/**
 * Which network addresses an image URL may be fetched from. The URL comes from an AI client (which may
 * follow text a stranger wrote), and the fetch runs on the person's computer, inside their network: left
 * open, "upload the image at http://192.168.1.1/…" or the cloud metadata address would read what only
 * this machine can reach and send it to Nevent. So only public addresses are fetched, unless the person
 * allowed local ones (`NEVENT_UPLOAD_LOCAL_URLS=1`, e.g. for a demo or an intranet image server).
 */
import { BlockList, isIP } from 'node:net';

const local = new BlockList();
// IPv4: "this network", private, shared (CGNAT), loopback, link-local (cloud metadata), IETF, TEST-NETs,
// benchmarking, multicast and reserved.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  local.addSubnet(net, prefix, 'ipv4');
}
// IPv6: unspecified, loopback, unique local, link-local, multicast, documentation.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  local.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv4-mapped or -compatible IPv6 address stands for (`::ffff:10.0.0.1`). */
function embeddedIpv4(address: string): string | null {
  const match = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match !== null) return match[1] ?? null;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex === null) return null;
  const high = parseInt(hex[1] ?? '0', 16);
  const low = parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address on this computer or its local networks (anything not publicly routable). */
export function isLocalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return local.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address: never treated as public
  const v4 = embeddedIpv4(bare.toLowerCase());
  return v4 !== null ? local.check(v4, 'ipv4') : local.check(bare, 'ipv6');
}

/** True when the person allowed image URLs on local addresses (`NEVENT_UPLOAD_LOCAL_URLS=1`). */
export function localUrlsAllowed(env: NodeJS.ProcessEnv): boolean {
  const value = env.NEVENT_UPLOAD_LOCAL_URLS?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
