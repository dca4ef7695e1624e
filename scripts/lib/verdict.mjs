// The outcome of a scenario: named checks (each PASS or FAIL with a detail) and measured numbers.

export class Verdict {
  constructor(name) {
    this.name = name;
    this.checks = [];
    this.numbers = {};
  }

  check(description, ok, detail = '') {
    this.checks.push({ description, ok: Boolean(ok), detail: String(detail) });
    return Boolean(ok);
  }

  fail(description, detail) {
    return this.check(description, false, detail);
  }

  /** Records a measured number (or short text) for the summary line. */
  note(key, value) {
    this.numbers[key] = value;
  }

  /** Prints every check, the numbers and the verdict line; returns whether all checks passed. */
  print() {
    console.log(`\n== ${this.name}: checks`);
    for (const { description, ok, detail } of this.checks) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${description}${detail ? ` (${detail})` : ''}`);
    }
    console.log(`== ${this.name}: numbers`);
    for (const [key, value] of Object.entries(this.numbers)) console.log(`${key}: ${JSON.stringify(value)}`);
    const passed = this.checks.length > 0 && this.checks.every((check) => check.ok);
    const failed = this.checks.filter((check) => !check.ok).length;
    console.log(`VERDICT: ${passed ? 'PASS' : 'FAIL'} (${this.checks.length - failed}/${this.checks.length} checks)`);
    return passed;
  }
}
