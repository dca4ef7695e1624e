/**
 * One MariaDB compound statement (`BEGIN NOT ATOMIC … END`) assembled from parts that several
 * repositories contribute, each with its own values: one statement on the wire, values bound by
 * the driver as in any other query, so no multi-statement connection flag. A part may SIGNAL to
 * refuse; the statement stops there. `runAsOneTransaction` (transactions.ts) runs one as a whole
 * transaction.
 */
export class CompoundStatement {
  private readonly variables: string[] = [];
  private readonly parts: string[] = [];
  readonly values: unknown[] = [];

  /** Declares a local INT UNSIGNED variable (an inserted id, for the parts after it); its name. */
  variable(): string {
    const name = `v${this.variables.length}`;
    this.variables.push(name);
    return name;
  }

  /** Appends statements (each ending in `;`) and the values of their placeholders, in order. */
  add(sql: string, values: readonly unknown[] = []): this {
    this.parts.push(sql);
    this.values.push(...values);
    return this;
  }

  /** The statement's text; `transaction`: its parts between START TRANSACTION and COMMIT, inside it. */
  sql({ transaction = false } = {}): string {
    const parts = transaction ? ['START TRANSACTION;', ...this.parts, 'COMMIT;'] : this.parts;
    const declare = this.variables.length ? `DECLARE ${this.variables.join(', ')} INT UNSIGNED;\n` : '';
    return `BEGIN NOT ATOMIC\n${declare}${parts.join('\n')}\nEND`;
  }
}
