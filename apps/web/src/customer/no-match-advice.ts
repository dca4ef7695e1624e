/**
 * What to try when a search found nothing. Search ignores capitals and finds a name by any part
 * of it, so "a shorter name" is no advice; what can be wrong is the spelling, or a category that
 * the product is not in.
 */
export function noMatchAdvice({ name, category }: { name: string; category: string }): string {
  if (name && category) {
    return `No product whose name contains "${name}" is in a category containing "${category}". Try the name alone, or check the category.`;
  }
  if (name) return `No product name contains "${name}" (capitals do not matter). Check the spelling.`;
  return `No category name contains "${category}". Check the spelling.`;
}
