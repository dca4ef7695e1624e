// IPv4 CIDR overlap, for checking that two sides' egress to managed services never share addresses.

function parse(cidr: string): { start: number; end: number } {
  const [address, bits = '32'] = cidr.split('/');
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    throw new Error(`not an IPv4 CIDR: ${cidr}`);
  }
  const prefix = Number(bits);
  const value = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(value / size) * size;
  return { start, end: start + size - 1 };
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Every address of `inner` lies in `outer` (an address is a /32). */
export function cidrWithin(inner: string, outer: string): boolean {
  const x = parse(inner.includes('/') ? inner : `${inner}/32`);
  const y = parse(outer);
  return y.start <= x.start && x.end <= y.end;
}

/** An NetworkPolicy ipBlock: `cidr` minus its `except` ranges. */
export interface IpBlock {
  cidr: string;
  except?: string[];
}

/** Whether `block` admits the address or range `target` (all of it lying in one excepted range does not count). */
export function blockAdmits(block: IpBlock, target: string): boolean {
  const range = target.includes('/') ? target : `${target}/32`;
  return cidrsOverlap(block.cidr, range) && !(block.except ?? []).some((excepted) => cidrWithin(range, excepted));
}
