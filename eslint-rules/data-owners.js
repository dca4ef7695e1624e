/**
 * Data owners (docs/architecture.md, "Data owners: one naming convention"): SQL runs only in a
 * `<Thing>Repository` (`*.repository.ts`) or a `<View>Query` (`*.query.ts`). A `.query(…)` call (or
 * TypeORM's `getRepository` / `createQueryBuilder`) elsewhere is SQL outside its owner.
 * eslint.config.js scopes the rule to production sources (tests, libs/database, libs/testing and
 * migrations are exempt).
 */
const OWNER_FILE = /\.(repository|query)\.ts$/;
const SQL_METHODS = new Set(['query', 'getRepository', 'createQueryBuilder']);

const sqlOnlyInDataOwners = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      outside:
        'SQL outside a data owner: move this .{{method}}() into a <Thing>Repository (*.repository.ts) or a <View>Query (*.query.ts) and inject it (docs/architecture.md).',
    },
  },
  create(context) {
    if (OWNER_FILE.test(context.filename)) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed) return;
        if (callee.property.type === 'Identifier' && SQL_METHODS.has(callee.property.name)) {
          context.report({ node: callee.property, messageId: 'outside', data: { method: callee.property.name } });
        }
      },
    };
  },
};

export default { rules: { 'sql-only-in-data-owners': sqlOnlyInDataOwners } };
