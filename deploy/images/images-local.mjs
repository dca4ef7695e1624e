#!/usr/bin/env node
// `npm run images:local`: builds the stand-in base images named by the Dockerfiles' FROM lines and
// the compose file's image: lines, each only if that tag is missing — for machines that cannot
// pull from an image registry but reach Debian's apt mirror and the npm registry (docs/deploy.md).
// With registry access nothing here is needed: the real images are pulled instead.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DOCKER, docker, imageExists, run } from '../lib/docker-cli.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = join(ROOT, 'deploy/images');
export const DEBIAN = 'debian:bookworm-slim';
const DOCKERFILES = ['Dockerfile', 'deploy/gateway/Dockerfile'];

/** Every base image the project's builds and compose file name (stage names excluded). */
export function requiredImages() {
  const tags = new Set();
  for (const file of DOCKERFILES) {
    const stages = new Set();
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)) {
      if (!stages.has(match[1])) tags.add(match[1]);
      if (match[2]) stages.add(match[2]);
    }
  }
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  for (const service of Object.values(compose.services)) if (!service.build && service.image) tags.add(service.image);
  return [...tags];
}

function standInFor(tag) {
  const [repository, version] = tag.split(':');
  if (tag === DEBIAN) return { build: buildDebian };
  if (repository === 'node') {
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    if (version !== `${nvmrc}-bookworm-slim`) throw new Error(`${tag}: expected node:${nvmrc}-bookworm-slim (.nvmrc)`);
    return { build: () => buildNode(tag) };
  }
  if (repository === 'mariadb' || repository === 'redis') return { build: () => buildFromFolder(tag, repository) };
  throw new Error(`no stand-in for ${tag}`);
}

/** apt's configured Debian mirror (deb822 or one-line sources), for debootstrap and the image. */
function aptMirrors() {
  const sources = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']
    .map((file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
  const uris = [...sources.matchAll(/(?:^URIs:\s*|^deb\s+(?:\[[^\]]*\]\s+)?)(\S+)/gm)].map((m) => m[1]);
  const main = uris.find((uri) => /\/debian\/?$/.test(uri)) ?? 'http://deb.debian.org/debian';
  const security = uris.find((uri) => /\/debian-security\/?$/.test(uri)) ?? 'http://deb.debian.org/debian-security';
  return { main, security };
}

async function buildDebian() {
  const { main, security } = aptMirrors();
  const rootfs = mkdtempSync(join(tmpdir(), 'shopwire-rootfs-'));
  try {
    console.log(`images:local: debootstrap --variant=minbase bookworm from ${main}`);
    await run('debootstrap', ['--variant=minbase', 'bookworm', rootfs, main], { inherit: false });
    writeFileSync(
      join(rootfs, 'etc/apt/sources.list'),
      `deb ${main} bookworm main\ndeb ${main} bookworm-updates main\ndeb ${security} bookworm-security main\n`,
    );
    // Like the real slim image: no translations fetched, no package lists or .debs in the layer.
    writeFileSync(join(rootfs, 'etc/apt/apt.conf.d/docker-no-languages'), 'Acquire::Languages "none";\n');
    const clean = 'rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true';
    writeFileSync(
      join(rootfs, 'etc/apt/apt.conf.d/docker-clean'),
      `DPkg::Post-Invoke { "${clean}"; };\nAPT::Update::Post-Invoke { "${clean}"; };\n` +
        'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
    );
    await run('sh', ['-c', `rm -rf "${rootfs}"/var/lib/apt/lists/* "${rootfs}"/var/cache/apt/archives/*.deb`]);
    await run('sh', [
      '-c',
      `tar -C "${rootfs}" --one-file-system -c . | "$DOCKER_BIN" import --change 'CMD ["bash"]' - ${DEBIAN} >/dev/null`,
    ], { env: { ...process.env, DOCKER_BIN: DOCKER } });
  } finally {
    await unmountUnder(rootfs); // debootstrap mounts /proc and /sys inside; never delete through them
    rmSync(rootfs, { recursive: true, force: true });
  }
}

async function unmountUnder(dir) {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((point) => point?.startsWith(`${dir}/`))
    .sort()
    .reverse();
  for (const point of mounts) await run('umount', ['-l', point], { allowFail: true });
}

async function buildNode(tag) {
  const bin = await run(join(ROOT, 'scripts/use-node.sh'), ['--bin-dir'], { env: process.env });
  const context = mkdtempSync(join(tmpdir(), 'shopwire-node-image-'));
  try {
    cpSync(join(HERE, 'node/Dockerfile'), join(context, 'Dockerfile'));
    cpSync(join(bin, 'node'), join(context, 'node-bin/node'));
    cpSync(join(bin, '../lib/node_modules/npm'), join(context, 'npm'), { recursive: true });
    cpSync(process.env.SHOPWIRE_CA_BUNDLE ?? '/etc/ssl/certs/ca-certificates.crt', join(context, 'host-ca.pem'));
    await docker(['build', '-q', '--label', `${STAND_IN_LABEL}=${sourceHash(tag)}`, '-t', tag, context]);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

async function buildFromFolder(tag, folder) {
  await docker(['build', '-q', '--label', `${STAND_IN_LABEL}=${sourceHash(tag)}`, '-t', tag, join(HERE, folder)]);
}

/**
 * A stand-in built from older sources is rebuilt: each carries the hash of what it was built from
 * (label STAND_IN_LABEL). An image without the label (the real one, pulled) is never touched.
 */
const STAND_IN_LABEL = 'org.shopwire.stand-in';

function sourceHash(tag) {
  const repository = tag.split(':')[0];
  const folder = join(HERE, repository);
  const hash = createHash('sha256').update(tag);
  if (existsSync(folder)) for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  return hash.digest('hex').slice(0, 16);
}

async function upToDate(tag) {
  if (!(await imageExists(tag))) return false;
  const label = await docker(['image', 'inspect', '-f', `{{index .Config.Labels "${STAND_IN_LABEL}"}}`, tag]);
  return label === '' || label === '<no value>' || label === sourceHash(tag);
}

export async function buildMissingImages() {
  const missing = [];
  for (const tag of requiredImages()) if (!(await upToDate(tag))) missing.push(tag);
  if (missing.some((tag) => tag !== DEBIAN) && !missing.includes(DEBIAN) && !(await imageExists(DEBIAN))) {
    missing.push(DEBIAN);
  }
  missing.sort((a, b) => (a === DEBIAN ? -1 : b === DEBIAN ? 1 : 0)); // every stand-in builds on it
  for (const tag of missing) {
    const began = Date.now();
    console.log(`images:local: building stand-in ${tag}`);
    await standInFor(tag).build();
    console.log(`images:local: ${tag} built in ${Math.round((Date.now() - began) / 1000)} s`);
  }
  if (missing.length === 0) console.log(`images:local: all present (${requiredImages().join(', ')})`);
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildMissingImages().catch((error) => {
    console.error(`images:local: ${error.message}`);
    process.exit(1);
  });
}
