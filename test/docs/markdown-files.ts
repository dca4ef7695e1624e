import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** README.md and every Markdown file under docs/, with their text. */
export function documentation(): Array<{ path: string; text: string }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/** Every file under `dir` (recursively), skipping build output and dependencies. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', 'screenshots'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}
