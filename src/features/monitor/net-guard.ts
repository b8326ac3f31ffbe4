// Refusal of private, loopback and link-local targets (site-monitoring.md «Contract»): a monitor
// that fetches operator-supplied URLs must not become a way into the server's own network. The
// check runs on the resolved addresses, so a public name pointing at 127.0.0.1 is refused too.
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return false;
}

/** `localhost` and its subdomains never leave the machine, whatever DNS says. */
export function isLocalHostname(hostname: string): boolean {
  const h = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}

/**
 * Name resolution from a fixed table instead of DNS (fixture sites in tests and the benchmark):
 * keys are host names or `*.suffix` wildcards. Unknown names fail as DNS does (ENOTFOUND).
 */
export function staticResolver(
  hosts: Readonly<Record<string, string>>,
): (hostname: string) => Promise<string> {
  const entries = Object.entries(hosts).map(([name, address]) => ({
    name: name.toLowerCase(),
    address,
  }));
  return (hostname) => {
    const h = hostname.toLowerCase().replace(/\.$/, '');
    const hit = entries.find((e) =>
      e.name.startsWith('*.') ? h.endsWith(e.name.slice(1)) : h === e.name,
    );
    return hit
      ? Promise.resolve(hit.address)
      : Promise.reject(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  };
}
