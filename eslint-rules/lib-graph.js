import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/**
 * The lib graph as docs/architecture.md writes it (the `<!-- lib-graph -->` block: one line per
 * lib, `lib: the libs it may import`). The one source of truth: this ESLint rule enforces it per
 * import, test/architecture checks that it is exactly the graph the code has and has no cycle.
 */
export function documentedLibGraph(root = ROOT) {
  const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const block = /<!-- lib-graph -->\s*```\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/architecture.md lost its lib-graph block');
  return new Map(
    block[1]
      .trim()
      .split('\n')
      .map((line) => {
        const [lib, deps] = line.split(':');
        return [lib.trim(), deps.trim() ? deps.trim().split(/\s+/).sort() : []];
      }),
  );
}

let graph;

/** A file of libs/<lib>/ may import `@shopwire/<other>` only where the documented graph allows it. */
const libGraphDirection = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      unknownLib: "libs/{{lib}} is not in docs/architecture.md's lib graph: add it there first.",
      notAllowed:
        "libs/{{from}} may not import @shopwire/{{to}}: docs/architecture.md's lib graph allows {{allowed}} (one-way dependencies; change the graph there if this is intended).",
    },
  },
  create(context) {
    const parts = path.relative(ROOT, context.filename).split(path.sep);
    if (parts[0] !== 'libs' || parts.length < 3) return {};
    const from = parts[1];
    graph ??= documentedLibGraph();
    const check = (node) => {
      const spec = node.source?.value;
      const to = typeof spec === 'string' ? /^@shopwire\/([a-z-]+)$/.exec(spec)?.[1] : undefined;
      if (!to || to === from) return;
      const allowed = graph.get(from);
      if (!allowed) context.report({ node: node.source, messageId: 'unknownLib', data: { lib: from } });
      else if (!allowed.includes(to)) {
        const data = { from, to, allowed: allowed.length ? allowed.join(', ') : 'no other lib' };
        context.report({ node: node.source, messageId: 'notAllowed', data });
      }
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'lib-graph-direction': libGraphDirection } };
