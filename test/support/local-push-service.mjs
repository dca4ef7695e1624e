// A local Web Push service for tests and benchmarks: the receiving side of RFC 8030 on 127.0.0.1
// over HTTPS (self-signed, trusted by the worker through NODE_EXTRA_CA_CERTS). For every request it
// verifies the VAPID JWT (RFC 8292: ES256, aud = this origin, exp within 24 h, sub mailto:/https:,
// k = the subscription's application server key) and decrypts the aes128gcm body (RFC 8188/8291)
// with the subscription's own private key and auth secret — real crypto with node:crypto, no part
// of web-push. Each subscription answers as told: 201, 404, 410, 429, or 'hang' (never answers).
// Like FCM, a subscription is bound to the application server key it was made with: a push signed
// for another key (`k`) is answered 403 (a VAPID key rotation), before anything else is checked.
import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const b64u = (buffer) => Buffer.from(buffer).toString('base64url');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 + RFC 8188 §2: one aes128gcm record, decrypted with the user agent's keys. */
export function decryptAes128gcm(body, uaPrivate, uaPublic, authSecret) {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (idlen !== 65 || record.length > rs) throw new Error(`bad aes128gcm header (idlen ${idlen}, rs ${rs})`);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivate);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hmac(hmac(authSecret, ecdhSecret), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('missing last-record padding delimiter');
  return padded.subarray(0, end);
}

/** RFC 8292 §2–3: `Authorization: vapid t=<JWT>, k=<key>`; returns the claims or throws. */
export function verifyVapid(header, expectedAudience, expectedKey, nowSeconds = Date.now() / 1000) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a vapid Authorization header: ${header}`);
  const [, token, key] = match;
  if (expectedKey && key !== expectedKey) throw new Error('k is not the subscription application server key');
  const [h, c, s] = token.split('.');
  const head = JSON.parse(Buffer.from(h, 'base64url').toString());
  if (head.alg !== 'ES256' || head.typ !== 'JWT') throw new Error(`JWT header ${JSON.stringify(head)}`);
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33, 65)) },
    format: 'jwk',
  });
  const signature = Buffer.from(s, 'base64url');
  const ok = verify('sha256', Buffer.from(`${h}.${c}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!ok) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString());
  if (claims.aud !== expectedAudience) throw new Error(`aud ${claims.aud} is not ${expectedAudience}`);
  if (!(claims.exp > nowSeconds && claims.exp <= nowSeconds + 24 * 3600))
    throw new Error(`exp ${claims.exp} out of range`);
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) throw new Error(`sub ${claims.sub}`);
  return claims;
}

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'local-push-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts the service. `applicationServerKey`: the VAPID public key subscriptions are bound to.
 * Returns { origin, caFile, subscribe(label?), respond(id, ...statuses), messages, errors, close() }.
 */
export async function startLocalPushService({ applicationServerKey, keepDecrypted = true } = {}) {
  const { key, cert, dir } = selfSignedCertificate();
  const caFile = join(dir, 'cert.pem');
  const subscriptions = new Map();
  const messages = [];
  const errors = [];
  const hanging = new Set();
  const verified = new Map();
  let nextId = 1;
  let origin = '';
  let requests = 0;

  const server = createServer({ key, cert, keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      const receivedAt = Date.now();
      const id = Number(/^\/push\/(\d+)$/.exec(req.url ?? '')?.[1]);
      const sub = subscriptions.get(id);
      if (req.method !== 'POST' || !sub) return res.writeHead(404).end();
      const offeredKey = /,\s*k=([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (sub.applicationServerKey && offeredKey !== sub.applicationServerKey) {
        messages.push({ subscription: id, label: sub.label, status: 403, receivedAt, ttl: Number(req.headers.ttl) });
        return res.writeHead(403).end('the VAPID key does not match the subscription');
      }
      const status = sub.script.length > 1 ? sub.script.shift() : sub.script[0];
      let payload;
      try {
        // A sender reuses its JWT (RFC 8292 §2): verified once per distinct header, like a real
        // push service, so the receiver's own CPU does not dominate what a bench measures.
        const header = req.headers.authorization ?? '';
        const claims = verified.get(header) ?? verifyVapid(header, origin, sub.applicationServerKey);
        if (!(claims.exp > Date.now() / 1000)) throw new Error(`exp ${claims.exp} passed`);
        verified.set(header, claims);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding is not aes128gcm');
        if (!/^\d+$/.test(req.headers.ttl ?? '')) throw new Error('missing TTL');
        const text = decryptAes128gcm(Buffer.concat(chunks), sub.privateKey, sub.publicKey, sub.auth).toString();
        payload = JSON.parse(text);
      } catch (error) {
        errors.push({ subscription: id, message: error.message });
        return res.writeHead(400).end(error.message);
      }
      messages.push({
        subscription: id,
        label: sub.label,
        status,
        receivedAt,
        topic: req.headers.topic,
        urgency: req.headers.urgency,
        ttl: Number(req.headers.ttl),
        payload: keepDecrypted ? payload : undefined,
        summary: keepDecrypted ? undefined : { type: payload.type, from: payload.from, to: payload.to },
      });
      if (status === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(status, status === 201 ? { location: `${origin}/message/${messages.length}` } : {}).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${server.address().port}`;

  return {
    origin,
    caFile,
    messages,
    errors,
    get requests() {
      return requests;
    },
    /**
     * A browser-side subscription: PushSubscription.toJSON() shape plus its id here. Bound to
     * `options.applicationServerKey` (default: the service's), as `pushManager.subscribe` binds it.
     */
    subscribe(label = '', options = {}) {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = nextId++;
      const boundKey = options.applicationServerKey ?? applicationServerKey;
      subscriptions.set(id, {
        id,
        label,
        applicationServerKey: boundKey,
        privateKey: ecdh.getPrivateKey(),
        publicKey,
        auth,
        script: [201],
      });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(publicKey), auth: b64u(auth) } };
    },
    /** Answers of a subscription (after its key check), in order; the last one repeats (201, 404, 410, 429, 'hang'). */
    respond(id, ...statuses) {
      subscriptions.get(id).script = statuses;
    },
    /** Accepted (2xx) messages of a subscription. */
    accepted(id) {
      return messages.filter((m) => m.subscription === id && m.status === 201);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
