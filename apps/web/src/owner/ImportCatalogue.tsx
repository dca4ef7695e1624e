import { useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { ErrorNotice, StatusNotice } from '../shared/components';
import { summariseImport, type ImportSummary } from './csv-file';
import { explainImportError, type ImportError } from './import-errors';
import { statisticsStale } from './statistics-feed';
import { useAction } from '../shared/use-action';

interface Outcome {
  fileName: string;
  summary: ImportSummary;
}

const SHOWN_PRODUCTS = 8;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function ImportErrorNotice({ error }: { error: ImportError }) {
  return (
    <ErrorNotice error={error}>
      {error.line && (
        <p class="csv-line">
          <span class="muted">Line {error.line.number}:</span> <code>{error.line.text || '(empty line)'}</code>
        </p>
      )}
    </ErrorNotice>
  );
}

function Summary({ outcome }: { outcome: Outcome }) {
  const { products, categories } = outcome.summary;
  if (products.length === 0) return <StatusNotice>{outcome.fileName} has no lines: nothing to import.</StatusNotice>;
  return (
    <StatusNotice tone="success">
      <p>
        <strong>
          Imported {plural(products.length, 'product', 'products')} in{' '}
          {plural(categories.length, 'category', 'categories')}
        </strong>{' '}
        from {outcome.fileName}.
      </p>
      <ul class="import-list">
        {products.slice(0, SHOWN_PRODUCTS).map((product) => (
          <li key={product.name}>
            <span class="line-name">{product.name}</span> <span class="muted">{product.categories.join(', ')}</span>
          </li>
        ))}
      </ul>
      {products.length > SHOWN_PRODUCTS && <p class="muted">…and {products.length - SHOWN_PRODUCTS} more.</p>}
    </StatusNotice>
  );
}

/**
 * CSV import (POST /update): pick a file or drop it on the zone, then "Import". All or nothing: on
 * an error the first failing line is named and quoted, and nothing was added.
 */
export function ImportCatalogue() {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The file's text, for the error to quote the line the service names.
  const fileText = useRef('');
  const importing = useAction(
    'import',
    async (chosen: File) => {
      setOutcome(null);
      fileText.current = await chosen.text();
      await api.owner.importCatalogue(chosen);
      setOutcome({ fileName: chosen.name, summary: summariseImport(fileText.current) });
      setFile(null);
      if (input.current) input.current.value = '';
      statisticsStale(); // new categories appear in the statistics without an order event
    },
    (failure): ImportError => explainImportError(failure, fileText.current),
  );
  const { busy, error } = importing;

  const choose = (next: File | null | undefined) => {
    setFile(next ?? null);
    importing.setError(null);
    setOutcome(null);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (file) void importing.run(file);
  };

  return (
    <section class="card" aria-labelledby="import-title">
      <h1 id="import-title">Import products</h1>
      <p class="muted">
        A CSV file with one product per line: categories (separated by |), name, price — for example{' '}
        <code>Fruit|Organic,Apple,1.25</code>. A file is imported completely or not at all.
      </p>
      <form onSubmit={submit}>
        <div
          class={`drop-zone${dragging ? ' dragging' : ''}`}
          data-testid="drop-zone"
          onDragEnter={(event) => (event.preventDefault(), setDragging(true))}
          onDragOver={(event) => (event.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            choose(event.dataTransfer?.files[0]);
          }}
        >
          <label for="csv-file">
            <span class="drop-title">Drop a CSV file here</span>
            <span class="muted"> or choose one:</span>
          </label>
          <input
            ref={input}
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => choose((event.currentTarget as HTMLInputElement).files?.[0])}
          />
          <p class="selected-file" aria-live="polite">
            {file ? (
              <>
                Selected: <strong>{file.name}</strong> ({Math.max(1, Math.round(file.size / 1024))} KB)
              </>
            ) : (
              <span class="muted">No file selected.</span>
            )}
          </p>
        </div>
        <button type="submit" class="primary wide" disabled={!file || busy} aria-busy={busy}>
          Import
        </button>
        {busy && <StatusNotice>Importing {file?.name}…</StatusNotice>}
      </form>
      <div class="import-result">
        {error && <ImportErrorNotice error={error} />}
        {outcome && <Summary outcome={outcome} />}
      </div>
    </section>
  );
}
