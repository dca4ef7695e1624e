import { Manager } from 'socket.io-client';
import { REQUEST_TIMEOUT_MS } from './fuzz-settings.js';

export type RawHandshakeOutcome = 'connected' | 'refused' | 'closed';

/**
 * Sends a Socket.IO CONNECT packet whose payload is `payloadText` verbatim, bypassing the client
 * library's encoder (which recurses into the payload and cannot send `7.0` or a 20k-deep nest).
 * `refused`: the server answered CONNECT_ERROR; `closed`: it dropped a packet it could not parse.
 */
export function rawHandshake(url: string, payloadText: string): Promise<RawHandshakeOutcome> {
  const manager = new Manager(url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  return new Promise<RawHandshakeOutcome>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no handshake answer within ${REQUEST_TIMEOUT_MS} ms`)),
      REQUEST_TIMEOUT_MS,
    );
    let settled = false;
    const finish = (outcome: RawHandshakeOutcome | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
      // Closing emits 'close' synchronously: only after the outcome is settled.
      manager.engine?.close();
    };
    manager.open((error) => {
      if (error) return finish(error);
      const engine = manager.engine;
      // Socket.IO packet types: 0 = CONNECT (success answer), 4 = CONNECT_ERROR.
      engine.on('message', (data) => finish(String(data).startsWith('4') ? 'refused' : 'connected'));
      engine.on('close', () => finish('closed'));
      engine.write(`0${payloadText}`);
    });
  });
}
