import { render } from 'preact';
import { App } from './App';
import { createApi } from './shared/api';
import { AppContext } from './shared/app-context';
import { loadWebConfig } from './shared/config';
// The style sheets, after the components' own (Leaflet's): shared first, then one per feature.
import './shared/base.css';
import './layout/layout.css';
import './auth/auth.css';
import './delivery/delivery.css';
import './customer/customer.css';
import './courier/courier.css';
import './owner/owner.css';

const root = document.getElementById('app')!;
try {
  const config = await loadWebConfig();
  render(
    <AppContext.Provider value={{ config, api: createApi(config) }}>
      <App />
    </AppContext.Provider>,
    root,
  );
} catch (error) {
  root.innerHTML =
    '<main class="auth-main"><p class="notice notice-error" role="alert">The store could not be loaded. Please reload the page.</p></main>';
  console.error(error);
}
