/** Largest id an `INT UNSIGNED` column holds: larger (valid) ids refer to nothing (contract §0.4). */
export const MAX_STORED_ID = 4_294_967_295;

export function isStorableId(id: number): boolean {
  return id <= MAX_STORED_ID;
}
