// Benchmark results as markdown table rows (bench/run-all.mjs collects every line starting '|').

/**
 * Prints a table: `columns` are header titles, a title ending in ':' is right-aligned (the ':' is
 * dropped); `rows` are arrays of cells.
 */
export function printTable(columns, rows) {
  const titles = columns.map((column) => column.replace(/:$/, ''));
  const rules = columns.map((column) => (column.endsWith(':') ? '---:' : '---'));
  for (const cells of [titles, rules, ...rows]) console.log(`| ${cells.join(' | ')} |`);
}
