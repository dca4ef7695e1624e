import path from 'node:path';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/** apps/<app> and libs/<lib> are units of their own; any other top-level folder is one unit. */
function unitOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  return parts[0] === 'apps' || parts[0] === 'libs' ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * A relative import stays inside its own unit: another app or lib is reached through its index
 * (`@shopwire/<lib>`), tests reach helpers through `@shopwire/testing` or `@shopwire/test-support`
 * (docs/architecture.md, "Test support"). Deep `../../..` paths into someone else's folder are what
 * this forbids.
 */
const relativeImportsStayInside = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      crossing:
        "'{{spec}}' leaves {{from}} for {{to}}: import a lib through @shopwire/<lib>, test helpers through @shopwire/testing or @shopwire/test-support.",
    },
  },
  create(context) {
    const from = unitOf(context.filename);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = unitOf(path.resolve(path.dirname(context.filename), spec));
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
