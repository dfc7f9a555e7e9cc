import ipaddr from 'ipaddr.js';

/**
 * Which addresses the server may connect to when it fetches a URL someone gave it: public
 * unicast only. This is an allow-list (anything ipaddr.js does not class as plain unicast is
 * refused, and IPv6 must be global unicast, 2000::/3), plus an explicit deny-list for ranges
 * that are "unicast" by that test but never a public web server (documentation, benchmarking,
 * IETF protocol space). IPv4-mapped and IPv4-embedding IPv6 forms are judged as what they
 * reach: ::ffff:127.0.0.1 is loopback, 64:ff9b::a00:1 (NAT64) and 2002::/16 (6to4) are refused.
 */

export type AddressVerdict = { public: true; address: string; family: 4 | 6 } | { public: false; address: string; range: string };

const DENIED_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
].map((c) => ipaddr.IPv4.parseCIDR(c));

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const DENIED_V6 = ['2001:db8::/32', '2001::/23', '2002::/16', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'].map((c) =>
  ipaddr.IPv6.parseCIDR(c),
);

/** Names the metadata endpoints in refusals, so a log says what was attempted. */
const NAMED: Record<string, string> = {
  '169.254.169.254': 'cloud metadata service',
  '169.254.170.2': 'container metadata service',
  '100.100.100.200': 'cloud metadata service',
  'fd00:ec2::254': 'cloud metadata service',
};

export function classifyAddress(input: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // `process` turns IPv4-mapped IPv6 (::ffff:a.b.c.d) into the IPv4 address it reaches.
    parsed = ipaddr.process(input.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return { public: false, address: input, range: 'not an IP address' };
  }
  const address = parsed.toString();
  const named = NAMED[address];
  if (parsed.kind() === 'ipv4') {
    const v4 = parsed as ipaddr.IPv4;
    const range = v4.range();
    if (named) return { public: false, address, range: `${range} (${named})` };
    if (range !== 'unicast') return { public: false, address, range };
    if (DENIED_V4.some((cidr) => v4.match(cidr))) return { public: false, address, range: 'reserved' };
    return { public: true, address, family: 4 };
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (named) return { public: false, address, range: `${range} (${named})` };
  if (range !== 'unicast') return { public: false, address, range };
  if (!v6.match(GLOBAL_UNICAST_V6) || DENIED_V6.some((cidr) => v6.match(cidr))) return { public: false, address, range: 'reserved' };
  return { public: true, address, family: 6 };
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}
