// What `npm run bench` (bench/run-all.mjs) runs, and the benches it leaves out with the reason;
// test/docs checks that every bench/*.mjs is in one list and that the docs name the left-out ones.

/** Run by `npm run bench`, in this order, each with its own full defaults. */
export const BENCHES = [
  'ceilings',
  'auth-login',
  'catalogue-import',
  'catalogue-search',
  'orders-load',
  'realtime-load',
  'realtime-replica-cost',
  'courier-location-load',
  'statistics-load',
  'web-app',
  'push-load',
  'platform-load',
];

/** Run by hand only: name → why. */
export const RUN_SEPARATELY = {
  'auth-guard-ab': 'compares two builds: needs a baseline build (DIST_A)',
  'request-log-line': 'measures writing its own stdout: run it piped to /dev/null, as its header says',
};
