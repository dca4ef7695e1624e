/**
 * Job names declared in the contracts that no processor handles, as `queue/job`. The worker
 * refuses to boot when this is not empty: a job nobody handles would sit in Redis forever.
 */
export function missingJobHandlers(
  declared: Readonly<Record<string, readonly string[]>>,
  handled: Readonly<Record<string, readonly string[]>>,
): string[] {
  return Object.entries(declared).flatMap(([queue, names]) =>
    names.filter((name) => !(handled[queue] ?? []).includes(name)).map((name) => `${queue}/${name}`),
  );
}
