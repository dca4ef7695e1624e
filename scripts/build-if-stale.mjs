// `npm test` builds what its process and browser tests run (dist/), when dist is missing or older
// than any source it is built from — so `npm test` alone passes on a fresh clone. Prints why it
// builds; `SKIP_BUILD=1` trusts whatever dist holds (CI builds in its own step).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Outputs of the two build steps: tsc (every app) and Vite (the web app). */
const OUTPUTS = ['dist/apps/auth/src/main.js', 'dist/apps/realtime/src/main.js', 'dist/apps/web/index.html'];
const SOURCE_ROOTS = ['apps', 'libs', 'scripts'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const BUILT_FROM = /\.(ts|tsx|css|html|svg|json|webmanifest)$/;
const NOT_BUILT = /\.spec\.tsx?$|(^|\/)libs\/testing\/|\/(test|testing-support|node_modules)\//;

function newestSource(dir, newest = { path: '', mtimeMs: 0 }) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test' && entry.name !== 'testing-support')
        newestSource(path, newest);
    } else if (BUILT_FROM.test(entry.name) && !NOT_BUILT.test(path)) {
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) Object.assign(newest, { path, mtimeMs });
    }
  }
  return newest;
}

/** Why dist must be (re)built, or null when it is current; `root`: the repository. */
export function staleReason(root = '.') {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
  const newest = { path: '', mtimeMs: 0 };
  for (const dir of SOURCE_ROOTS) if (existsSync(join(root, dir))) newestSource(join(root, dir), newest);
  for (const file of SOURCE_FILES) {
    if (!existsSync(join(root, file))) continue;
    const { mtimeMs } = statSync(join(root, file));
    if (mtimeMs > newest.mtimeMs) Object.assign(newest, { path: join(root, file), mtimeMs });
  }
  return newest.mtimeMs > builtAt ? `${newest.path} changed after the last build` : null;
}

/** Runs `npm run build` when needed; exits the process if the build fails. */
export function buildIfStale() {
  if (process.env.SKIP_BUILD) return;
  const reason = staleReason();
  if (!reason) return;
  console.log(`building first (${reason}): npm run build`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
