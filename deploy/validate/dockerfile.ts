// A small Dockerfile reader: instructions (continuation lines joined, comments dropped) grouped by
// build stage. Enough for lint rules and for checking compose targets; not a full parser.

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name?: string;
  base: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (!pending) startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const [keyword, ...rest] = full.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: startLine };
    if (instruction.keyword === 'FROM') {
      const [, base, , name] = /^(?:--\S+\s+)*(\S+)(\s+AS\s+(\S+))?/i.exec(instruction.args) ?? [];
      stages.push({ base, name, instructions: [instruction] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  });
  return stages;
}

/** Instructions a stage inherits from the stages it is built FROM, then its own. */
export function effectiveInstructions(stages: Stage[], stage: Stage): Instruction[] {
  const parent = stages.find((s) => s.name === stage.base);
  return [...(parent ? effectiveInstructions(stages, parent) : []), ...stage.instructions];
}

/** The exec-form CMD of a stage (inherited if not its own), as an argument list. */
export function commandOf(stages: Stage[], stage: Stage): string[] | undefined {
  const cmd = effectiveInstructions(stages, stage).findLast((i) => i.keyword === 'CMD');
  if (!cmd) return undefined;
  try {
    return JSON.parse(cmd.args) as string[];
  } catch {
    return cmd.args.split(/\s+/);
  }
}

/** The variables a stage's ENV instructions set (inherited ones first), `KEY=value` form. */
export function envOf(stages: Stage[], stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of effectiveInstructions(stages, stage).filter((i) => i.keyword === 'ENV')) {
    for (const pair of i.args.split(/\s+/)) {
      const [key, ...value] = pair.split('=');
      if (value.length > 0) env[key] = value.join('=').replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

/**
 * What a stage's CMD runs: the exec-form argument list, or for `sh -c "exec …"` the command the
 * shell execs, with the stage's ENV variables substituted (the way the shell would).
 */
export function runCommandOf(stages: Stage[], stage: Stage): string[] | undefined {
  const command = commandOf(stages, stage);
  if (!command || !['sh', '/bin/sh'].includes(command[0]) || command[1] !== '-c') return command;
  const env = envOf(stages, stage);
  const script = command[2].replace(/\$\{?(\w+)\}?/g, (_, name: string) => env[name] ?? '');
  // Without `exec` the shell stays PID 2 and node never sees tini's SIGTERM: the shell is what runs.
  if (!/^exec\s/.test(script)) return command;
  return script
    .replace(/^exec\s+/, '')
    .split(/\s+/)
    .map((word) => word.replace(/^"(.*)"$/, '$1'));
}
