import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const SOURCE = new URL('../../../libs/realtime-client/src/', import.meta.url);

/**
 * The browser JS of libs/realtime-client, as `npm run build` emits it, for tests that run from
 * source: each module transpiled on its own (the library imports only types from contracts and
 * `socket.io-client`, which the page maps with an import map). Returns the directory.
 */
export async function buildBrowserClient(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'realtime-client-'));
  const files = (await readdir(SOURCE)).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
  for (const file of files) {
    const source = await readFile(new URL(file, SOURCE), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    await writeFile(join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  return out;
}
