/* global document, URLSearchParams, FormData */
// Customer view: search products, place an order, follow my orders live.
import { request } from './api.js';
import { $, el, logActivity } from './dom.js';

export function customerView({ config, token }) {
  const call = (path, options = {}) => request(config.customerUrl + path, { token, ...options });
  let refreshTimer;

  async function search(name = '', category = '') {
    const query = new URLSearchParams({ name, category });
    const { products } = await call(`/search?${query}`);
    $('#products').replaceChildren(
      ...products.map((product) =>
        el(
          'tr',
          {},
          el('td', {}, product.name),
          el('td', {}, product.categories.join(', ')),
          el('td', {}, product.price.toFixed(2)),
          el('td', {}, el('input', { type: 'number', min: '0', value: '0', 'data-product-id': String(product.id) })),
        ),
      ),
    );
  }

  async function placeOrder() {
    const requests = [...document.querySelectorAll('#products input')]
      .map((input) => ({ id: Number(input.dataset.productId), quantity: Number(input.value) }))
      .filter((item) => item.quantity > 0);
    const message = $('#order-message');
    if (requests.length === 0) return void (message.textContent = 'Choose a quantity first.');
    try {
      const { id } = await call('/order', { method: 'POST', body: { requests } });
      message.textContent = `Order #${id} placed.`;
    } catch (error) {
      message.textContent = error.message;
    }
  }

  /** /status has no order ids, so a live event simply triggers a refetch (debounced). */
  async function refreshOrders() {
    const { orders } = await call('/status');
    $('#my-orders').replaceChildren(
      ...orders.map((order) =>
        el(
          'li',
          {},
          el('span', { className: `status status-${order.status}` }, order.status),
          el('span', {}, order.products.map((p) => `${p.quantity} × ${p.name}`).join(', ')),
          el('span', { className: 'muted' }, `${order.price.toFixed(2)} · ${order.timestamp}`),
        ),
      ),
    );
  }
  const scheduleRefresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshOrders(), 30);
  };

  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    void search(String(form.get('name')), String(form.get('category')));
  });
  $('#place-order').addEventListener('click', () => void placeOrder());
  $('#customer-view').hidden = false;
  void search();

  return {
    handlers: {
      'order.status': (event) => {
        logActivity(`Order #${event.orderId} is now ${event.status}`);
        scheduleRefresh();
      },
    },
    /** After (re)connecting or a resync: the HTTP snapshot is the baseline. */
    resync: scheduleRefresh,
  };
}
