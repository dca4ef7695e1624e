// The payloads of the bare node:http ceilings (bench/ceilings.mjs): a tiny JSON, and a 1,000-product
// catalogue of about 88 KB serialised — the size of GET /search's answer in platform-load.
// Product: {"categories":["cat01","cat07"],"id":123,"name":"bench-item-0123","price":12.25}, plus a
// top-level list of 125 categories ({id, name, slug}) that brings the body to ~88 KB.
export function buildCatalogue() {
  const categories = [];
  for (let c = 1; c <= 125; c++) {
    const n = String(c).padStart(2, '0');
    categories.push({ id: `cat${n}`, name: `Category ${n}`, slug: `category-${n}` });
  }
  const items = [];
  for (let i = 1; i <= 1000; i++) {
    const a = (i % 20) + 1;
    const b = ((i * 7) % 20) + 1;
    items.push({
      categories: [`cat${String(a).padStart(2, '0')}`, `cat${String(b).padStart(2, '0')}`],
      id: i,
      name: `bench-item-${String(i).padStart(4, '0')}`,
      price: Math.round((10 + (i % 90) + (((i * 37) % 99) + 1) / 100) * 100) / 100,
    });
  }
  return { items, categories, total: items.length };
}

export const SMALL = { ok: true };
