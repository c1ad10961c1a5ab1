import { BlockList, isIP } from 'node:net';

// Addresses an outbound request must never reach unless an admin allowed that host explicitly:
// loopback, private networks, link-local (cloud metadata at 169.254.169.254), carrier NAT,
// benchmarking, multicast and reserved ranges — the targets of SSRF.
// Two lists: Node's BlockList matches an IPv4 address against IPv4-compatible IPv6 ranges (::/96),
// which would block every IPv4 address.
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  // IPv4-compatible (::a.b.c.d), IPv4-translated and 6to4 addresses can carry a private IPv4 inside.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['2002::', 16],
] as const)
  blocked6.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked4.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? blocked4.check(address, 'ipv4') : blocked6.check(address, 'ipv6');
}
