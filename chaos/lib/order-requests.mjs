// Deterministic, varied order bodies: 1–3 lines, quantities 1–5, sometimes the same product
// twice (the contract merges repeated ids, so the audit must too).

/** A small seeded PRNG (mulberry32): runs are reproducible from CHAOS_SEED. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomOrderRequests(random, products) {
  const pick = () => products[Math.floor(random() * products.length)].id;
  const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    id: pick(),
    quantity: 1 + Math.floor(random() * 5),
  }));
  if (random() < 0.15) lines.push({ id: lines[0].id, quantity: 1 });
  return lines;
}
