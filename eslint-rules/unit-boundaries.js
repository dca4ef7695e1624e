import path from 'node:path';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/** apps/<app>, libs/<lib> and scripts/lib are units of their own; any other top-level folder is one. */
function unitOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  const own = parts[0] === 'apps' || parts[0] === 'libs' || (parts[0] === 'scripts' && parts[1] === 'lib');
  return own ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * A relative import stays inside its own unit: another app or lib is reached through its index
 * (`@shopwire/<lib>`), tests reach helpers through `@shopwire/testing` or `@shopwire/test-support`
 * (docs/architecture.md, "Test support"). Deep `../../..` paths into someone else's folder are what
 * this forbids. Option `shared`: folders (from the repository root) any file of the block may
 * import, e.g. the scripts' shared lib for bench/, chaos/ and deploy/.
 */
const relativeImportsStayInside = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { shared: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      crossing:
        "'{{spec}}' leaves {{from}} for {{to}}: import a lib through @shopwire/<lib>, test helpers through @shopwire/testing or @shopwire/test-support, script helpers from scripts/lib.",
    },
  },
  create(context) {
    const from = unitOf(context.filename);
    const shared = (context.options[0]?.shared ?? []).map((folder) => path.join(ROOT, folder) + path.sep);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), spec);
      if (shared.some((folder) => target.startsWith(folder))) return;
      const to = unitOf(target);
      if (to !== from) context.report({ node: node.source, messageId: 'crossing', data: { spec, from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'relative-imports-stay-inside': relativeImportsStayInside } };
