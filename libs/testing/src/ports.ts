// One implementation for tests and scripts/lib: plain/ports.mjs (typed by its .d.mts).
export { accepts, freePort } from './plain/ports.mjs';
