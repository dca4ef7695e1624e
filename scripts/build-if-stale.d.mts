/** Why dist must be (re)built, or null when it is current; `root`: the repository. */
export function staleReason(root?: string): string | null;
/** Runs `npm run build` when needed; exits the process if the build fails. */
export function buildIfStale(): void;
