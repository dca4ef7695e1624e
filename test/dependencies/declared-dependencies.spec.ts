import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = new Set(Object.keys(manifest.dependencies));
const declared = new Set([...runtime, ...Object.keys(manifest.devDependencies)]);

/**
 * Packages the running apps load although no source file imports them: Nest's Fastify adapter
 * imports `@fastify/static` on `useStaticAssets` (the realtime app serving the web app).
 */
const LOADED_BY_FRAMEWORK = ['@fastify/static'];

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const SKIP = new Set(['node_modules', 'dist', 'coverage', 'test-artifacts', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`), or null for others. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  if (builtinModules.includes(specifier.split('/')[0])) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name.startsWith('@shopwire/') ? null : name;
}

/** Module specifiers of a file (static, dynamic and side-effect imports), as TypeScript reads them. */
const specifiers = (file: string) =>
  ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);

/** Every package imported by `files`, with the first file importing it. */
function importedPackages(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const specifier of specifiers(file)) {
      const name = packageOf(specifier);
      if (name && !found.has(name)) found.set(name, file);
    }
  }
  return found;
}

const ROOTS = ['apps', 'libs', 'scripts', 'bench', 'chaos', 'deploy', 'test', 'eslint-rules'];
const files = ROOTS.flatMap((root) => sourceFiles(root)).concat(['eslint.config.js', 'vitest.config.ts']);

const isTest = (file: string) => /\.spec\.tsx?$/.test(file) || /\/(test|testing-support)\//.test(file);

/**
 * What runs in the production images: the server apps' own code (apps/web is a browser bundle,
 * built from devDependencies) and the libs it reaches through `@shopwire/<lib>`, tests excluded.
 */
function productionFiles(): string[] {
  const ownCode = (prefix: string) => files.filter((file) => file.startsWith(prefix) && !isTest(file));
  const reached = new Set<string>();
  const pending = ownCode('apps/').filter((file) => !file.startsWith('apps/web/'));
  const result: string[] = [];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    result.push(file);
    for (const specifier of specifiers(file)) {
      const lib = /^@shopwire\/([a-z-]+)$/.exec(specifier)?.[1];
      if (lib && !reached.has(lib)) {
        reached.add(lib);
        pending.push(...ownCode(`libs/${lib}/`));
      }
    }
  }
  return result;
}

describe('declared dependencies (package.json)', () => {
  it('declares every package any source file imports', () => {
    const undeclared = [...importedPackages(files)].filter(([name]) => !declared.has(name));
    expect(undeclared.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });

  it('declares what the production code imports, or the framework loads, under dependencies', () => {
    const needed = [...importedPackages(productionFiles())].map(([name, file]) => [name, file]);
    for (const name of LOADED_BY_FRAMEWORK) needed.push([name, 'the framework']);
    const devOnly = needed.filter(([name]) => !runtime.has(name));
    expect(devOnly.map(([name, file]) => `${name} (needed by ${file})`)).toEqual([]);
  });

  it('finds imports at all (the scan reads the tree it should)', () => {
    const production = importedPackages(productionFiles());
    expect(production.has('@nestjs/common')).toBe(true);
    expect(production.has('passport-jwt')).toBe(true);
    expect(importedPackages(files).has('vitest')).toBe(true);
  });
});
