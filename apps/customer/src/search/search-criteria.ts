import { BadRequestError, Messages } from '@shopwire/contracts';
import { foldCase } from './case-folding.js';

/**
 * How names are compared: `exact` is the contract's case-sensitive substring (§4.1, the
 * default); `insensitive` (issue 20, additive) compares case-folded texts (`foldCase`).
 */
export type SearchMatch = 'exact' | 'insensitive';

/** What GET /search filters on (contract §4.1): substrings of product and category names. */
export interface SearchCriteria {
  name: string;
  category: string;
  /** Absent from a criteria object means `exact`. */
  match?: SearchMatch;
}

/**
 * Reads `name` and `category` from the parsed query string: absent means '' (matches
 * everything), a repeated parameter counts with its first value, and the text is taken literally.
 * `match` (additive): absent, empty or `exact` → the contract's search; `insensitive` → case
 * folded, its texts folded here once; any other value → 400 `Invalid match option.` (a client
 * asking for a comparison this server does not know gets told, rather than an exact search).
 */
export function searchCriteria(query: Record<string, unknown> | undefined): SearchCriteria {
  const name = firstValue(query?.name);
  const category = firstValue(query?.category);
  const match = firstValue(query?.match);
  if (match === '' || match === 'exact') return { name, category };
  if (match === 'insensitive') return { name: foldCase(name), category: foldCase(category), match };
  throw new BadRequestError(Messages.invalidMatch);
}

function firstValue(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Cache key of a search: length-prefixed, so no two criteria (of any characters) share a key. */
export const searchCacheKey = ({ name, category, match }: SearchCriteria) =>
  `${match === 'insensitive' ? 'i' : ''}${name.length}:${name}${category}`;
