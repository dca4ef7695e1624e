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
