// The `order_events` rows, in id order, as tests and chaos scripts compare them with what live
// clients received. Plain JavaScript, shared by scripts/lib and @shopwire/testing; `query(sql,
// parameters)` resolves to the rows (a TypeORM DataSource's query, or mysql2's first element).
export async function readOrderEvents(query, orderId) {
  const rows = await query(
    `SELECT id, order_id, customer_email, status, courier_email FROM order_events
     ${orderId === undefined ? '' : 'WHERE order_id = ?'} ORDER BY id`,
    orderId === undefined ? [] : [orderId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    orderId: Number(row.order_id),
    customerEmail: row.customer_email,
    status: row.status,
    courierEmail: row.courier_email,
  }));
}
