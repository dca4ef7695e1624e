// Sales statistics recomputed by brute force from orders and items (contract §3.2–3.3), compared
// with what the owner API answers and with the worker's incremental aggregates.

/** Product name → {sold, waiting} over every ordered product. */
export async function bruteForceProductStatistics(db) {
  const [rows] = await db.query(
    `SELECT p.id, p.name,
            SUM(IF(o.status = 'COMPLETE', i.quantity, 0)) AS sold,
            SUM(IF(o.status IN ('CREATED', 'PENDING'), i.quantity, 0)) AS waiting
       FROM order_items i JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id
      GROUP BY p.id, p.name`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, sold: Number(row.sold), waiting: Number(row.waiting) }));
}

/** Category names by delivered quantity descending, then name (code points) ascending. */
export async function bruteForceCategoryStatistics(db) {
  const [rows] = await db.query(
    `SELECT c.id, c.name, COALESCE(SUM(IF(o.status = 'COMPLETE', i.quantity, 0)), 0) AS delivered
       FROM categories c
       LEFT JOIN product_categories pc ON pc.category_id = c.id
       LEFT JOIN order_items i ON i.product_id = pc.product_id
       LEFT JOIN orders o ON o.id = i.order_id
      GROUP BY c.id, c.name`,
  );
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return rows
    .map((row) => ({ id: row.id, name: row.name, delivered: Number(row.delivered) }))
    .sort((a, b) => b.delivered - a.delivered || byName(a, b));
}

function describe(entries) {
  return JSON.stringify(
    [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => [e.name, e.sold, e.waiting]),
  );
}

/** Problems between GET /product_statistics + /category_statistics bodies and the brute force. */
export async function auditStatisticsApi(db, productBody, categoryBody) {
  const problems = [];
  const products = await bruteForceProductStatistics(db);
  if (describe(productBody?.statistics ?? []) !== describe(products)) {
    problems.push('GET /product_statistics differs from the brute-force recomputation');
  }
  const categories = (await bruteForceCategoryStatistics(db)).map((row) => row.name);
  if (JSON.stringify(categoryBody?.statistics) !== JSON.stringify(categories)) {
    problems.push('GET /category_statistics differs from the brute-force recomputation');
  }
  return problems;
}

/**
 * The worker's aggregates (product_sales, category_sales), once it has applied every event, must
 * equal the brute force exactly: an event applied twice (or never) shows up here.
 */
export async function auditAggregates(db) {
  const problems = [];
  const [[pending]] = await db.query('SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0');
  if (Number(pending.n) > 0) problems.push(`${pending.n} events not applied by the worker`);
  const [productRows] = await db.query('SELECT product_id, sold, waiting FROM product_sales');
  const applied = new Map(productRows.map((r) => [r.product_id, `${Number(r.sold)}/${Number(r.waiting)}`]));
  for (const product of await bruteForceProductStatistics(db)) {
    const expected = `${product.sold}/${product.waiting}`;
    const actual = applied.get(product.id) ?? '0/0';
    if (actual !== expected) problems.push(`product_sales ${product.id}: ${actual} ≠ ${expected}`);
    applied.delete(product.id);
  }
  for (const [id, value] of applied) if (value !== '0/0') problems.push(`product_sales ${id}: ${value} for no order`);
  const [categoryRows] = await db.query('SELECT category_id, delivered FROM category_sales');
  const delivered = new Map(categoryRows.map((r) => [r.category_id, Number(r.delivered)]));
  for (const category of await bruteForceCategoryStatistics(db)) {
    const actual = delivered.get(category.id) ?? 0;
    if (actual !== category.delivered)
      problems.push(`category_sales ${category.id}: ${actual} ≠ ${category.delivered}`);
  }
  return problems;
}

/** Waits (bounded) until the worker has applied every event; returns how long it took. */
export async function waitForWorker(db, timeoutMs) {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0');
    if (Number(row.n) === 0) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}
