/* global location, sessionStorage, FormData */
// Entry point: sign in against the auth service, then open the live view of the token's role.
import { connectRealtime } from '/lib/realtime-client/index.js';
import { loadConfig, readClaims, request } from './api.js';
import { courierView } from './courier-view.js';
import { customerView } from './customer-view.js';
import { $ } from './dom.js';

const TOKEN_KEY = 'shopwire.token';
const config = await loadConfig();

function setConnection(online) {
  const badge = $('#connection');
  badge.textContent = online ? 'live' : 'offline';
  badge.className = `badge ${online ? 'online' : 'offline'}`;
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

function start(token) {
  const claims = readClaims(token);
  if (claims.roles !== 'customer' && claims.roles !== 'courier') {
    $('#sign-in-error').textContent = 'Only customers and couriers have a live view.';
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('#sign-in').hidden = true;
  $('#sign-out').hidden = false;
  $('#activity').hidden = false;
  $('#who').textContent = `${claims.sub} (${claims.roles})`;

  const view = claims.roles === 'customer' ? customerView({ config, token }) : courierView({ config, token });
  const live = connectRealtime({
    url: location.origin,
    token,
    on: view.handlers,
    onReady: () => view.resync(),
    onResync: () => view.resync(),
    onError: (error) => {
      setConnection(false);
      if (error.message === 'unauthorized') signOut();
    },
  });
  live.socket.on('connect', () => setConnection(true));
  live.socket.on('disconnect', () => setConnection(false));
}

$('#sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const { accessToken } = await request(`${config.authUrl}/login`, {
      method: 'POST',
      body: { email: form.get('email'), password: form.get('password') },
    });
    start(accessToken);
  } catch (error) {
    $('#sign-in-error').textContent = error.message;
  }
});
$('#sign-out').addEventListener('click', signOut);

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved && readClaims(saved).exp * 1000 > Date.now()) start(saved);
