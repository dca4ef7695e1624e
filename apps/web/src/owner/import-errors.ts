import { Messages } from '@shopwire/contracts';
import { numberIn, valueIn } from '../shared/contract-messages';
import { explainError, type ExplainedError } from '../shared/errors';
import { csvLines, lineOfProduct } from './csv-file';

/** An import error in words, with the line of the file it is about (1-based, as editors count). */
export interface ImportError extends ExplainedError {
  line?: { number: number; text: string };
}

const NOTHING_IMPORTED = 'Nothing was imported; fix the file and import it again.';

/**
 * The service's message (0-based line numbers, contract §3.1) turned into what a person needs:
 * which line, what is wrong with it, what a good line looks like. The raw message stays as detail.
 */
export function explainImportError(error: unknown, fileText: string): ImportError {
  const detail = (error as { detail?: string } | null)?.detail ?? '';
  const at = (index: number | undefined) => {
    const text = index === undefined ? undefined : csvLines(fileText)[index];
    return index === undefined || text === undefined ? undefined : { number: index + 1, text };
  };
  const values = numberIn(detail, Messages.incorrectValues);
  if (values !== undefined) {
    return {
      message:
        `Line ${values + 1} does not have the three values an import needs: categories (separated by |), ` +
        `a product name and a price, separated by commas — e.g. Fruit|Organic,Apple,1.25. ${NOTHING_IMPORTED}`,
      detail,
      line: at(values),
    };
  }
  const price = numberIn(detail, Messages.incorrectPrice);
  if (price !== undefined) {
    return {
      message: `Line ${price + 1} has a price that is not a number above 0 (write it like 4.5). ${NOTHING_IMPORTED}`,
      detail,
      line: at(price),
    };
  }
  const name = valueIn(detail, Messages.productExists);
  if (name !== undefined) {
    const line = at(lineOfProduct(fileText, name));
    return {
      message:
        `“${name}” is already in the catalogue, or listed twice in this file` +
        `${line ? ` (line ${line.number})` : ''}. Product names must be unique. ${NOTHING_IMPORTED}`,
      detail,
      line,
    };
  }
  if (detail === Messages.fieldMissing('file')) return { message: 'Choose a CSV file to import first.', detail };
  return explainError(error, 'import');
}
