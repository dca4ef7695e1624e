export const BENCHES: string[];
export const RUN_SEPARATELY: Record<string, string>;
