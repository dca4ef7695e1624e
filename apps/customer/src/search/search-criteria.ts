/** What GET /search filters on (contract §4.1): substrings of product and category names. */
export interface SearchCriteria {
  name: string;
  category: string;
}

/**
 * Reads `name` and `category` from the parsed query string: absent means '' (matches
 * everything), a repeated parameter counts with its first value, and the text is taken literally.
 */
export function searchCriteria(query: Record<string, unknown> | undefined): SearchCriteria {
  return { name: firstValue(query?.name), category: firstValue(query?.category) };
}

function firstValue(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Cache key of a search: length-prefixed, so no two criteria (of any characters) share a key. */
export const searchCacheKey = ({ name, category }: SearchCriteria) => `${name.length}:${name}${category}`;
