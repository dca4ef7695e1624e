// Loopback ports: a free one to listen on, and whether something accepts connections. Plain
// JavaScript, shared as is by scripts/lib (bench, chaos, the compose test) and @shopwire/testing.
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

/**
 * Ports the kernel hands out on its own (`listen(0)`, outgoing connections) come from the
 * ephemeral range; a port picked there and bound a moment later can be taken in between by any
 * connection another test opens. Picking below that range leaves only other explicit pickers to
 * collide with, and the bind check catches those.
 */
function ephemeralRangeStart() {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

const LOWEST = 20_000;
const HIGHEST = Math.max(LOWEST + 1_000, Math.min(ephemeralRangeStart(), 32_768));

function canBind(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port nothing listens on, outside the kernel's ephemeral range. */
export async function freePort() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST));
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port found between ${LOWEST} and ${HIGHEST}`);
}

/** Whether something accepts a TCP connection on the loopback `port`. */
export function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
