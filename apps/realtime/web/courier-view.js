// Courier view: the live board of orders waiting for pick-up.
import { request } from './api.js';
import { $, el, logActivity } from './dom.js';

export function courierView({ config, token }) {
  const call = (path, options = {}) => request(config.courierUrl + path, { token, ...options });
  const board = new Map(); // order id → customer email
  const taken = new Set(); // ids seen taken, so a late snapshot cannot bring them back

  function render() {
    const ids = [...board.keys()].sort((a, b) => a - b);
    $('#board').replaceChildren(
      ...ids.map((id) =>
        el(
          'li',
          { 'data-order-id': String(id) },
          el('strong', {}, `#${id}`),
          el('span', {}, board.get(id)),
          el('button', { type: 'button', onclick: () => void pickUp(id) }, 'Pick up'),
        ),
      ),
    );
    $('#board-empty').hidden = ids.length > 0;
  }

  async function pickUp(id) {
    try {
      await call('/pick_up_order', { method: 'POST', body: { id } });
      $('#board-message').textContent = `Picked up order #${id}.`;
    } catch (error) {
      $('#board-message').textContent = `#${id}: ${error.message}`;
    }
  }

  async function snapshot() {
    const { orders } = await call('/orders_to_deliver');
    board.clear();
    for (const order of orders) if (!taken.has(order.id)) board.set(order.id, order.email);
    render();
  }

  $('#courier-view').hidden = false;
  render();

  return {
    handlers: {
      'order.available': (event) => {
        logActivity(`New order #${event.orderId} from ${event.email}`);
        if (!taken.has(event.orderId)) board.set(event.orderId, event.email);
        render();
      },
      'order.taken': (event) => {
        logActivity(`Order #${event.orderId} was picked up`);
        taken.add(event.orderId);
        board.delete(event.orderId);
        render();
      },
    },
    resync: () => void snapshot(),
  };
}
