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
