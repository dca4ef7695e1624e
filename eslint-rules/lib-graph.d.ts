/** docs/architecture.md's lib graph: each lib and the libs it may import (see lib-graph.js). */
export function documentedLibGraph(root?: string): Map<string, string[]>;

declare const plugin: { rules: Record<string, unknown> };
export default plugin;
