/** The three account roles, exactly as they appear in the token's `roles` claim. */
export const ROLES = ['owner', 'customer', 'courier'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
