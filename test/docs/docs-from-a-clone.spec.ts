import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentation, filesUnder } from './markdown-files.js';

const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: object }).scripts);
const docs = documentation();

/** One machine's paths: a work tree, a home directory. Commands in docs use relative paths. */
const MACHINE_PATH = /(?<![\w.~-])\/(?:work|home|Users|root)\/[\w.-]+/g;

describe('docs are true from a clone', () => {
  it('name only npm scripts that exist', () => {
    const unknown = docs.flatMap(({ path, text }) =>
      [...text.matchAll(/npm run ([a-z][\w:-]*)/g)]
        .map((match) => match[1])
        .filter((name) => !scripts.includes(name))
        .map((name) => `${path}: npm run ${name}`),
    );
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('link only to files that exist (relative links)', () => {
    const broken = docs.flatMap(({ path, text }) =>
      [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1])
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .filter((target) => !existsSync(join(dirname(path), decodeURIComponent(target.split('#')[0]))))
        .map((target) => `${path}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('name only migrations that exist', () => {
    const migrations = ['libs/store-data/src/migrations', 'libs/auth-data/src/migrations'].flatMap((dir) =>
      filesUnder(dir),
    );
    const unknown = docs.flatMap(({ path, text }) =>
      [...text.matchAll(/migrations?\b[^.\n]{0,40}?\b(1[67]\d{11})\b/gi)]
        .map((match) => match[1])
        .filter((stamp) => !migrations.some((file) => file.includes(`/${stamp}-`)))
        .map((stamp) => `${path}: migration ${stamp}`),
    );
    expect(unknown).toEqual([]);
  });

  it('hold no absolute path of one machine in bench/, scripts/ or docs/', () => {
    const found = ['bench', 'scripts', 'docs'].flatMap((dir) =>
      filesUnder(dir).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(MACHINE_PATH)].map((match) => `${file}: ${match[0]}`),
      ),
    );
    expect(found).toEqual([]);
  });
});
