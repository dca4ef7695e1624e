import type { ComponentChildren } from 'preact';
import type { ExplainedError } from './errors';

/**
 * An error in the user's words, with the service's own message folded away under "Details";
 * `children` (e.g. the CSV line an import error is about) go between the two.
 */
export function ErrorNotice({ error, children }: { error: ExplainedError | null; children?: ComponentChildren }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert">
      <p>{error.message}</p>
      {children}
      {error.detail && (
        <details>
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </div>
  );
}

/** A polite announcement (success, progress): screen readers read it without moving focus. */
export function StatusNotice({ children, tone = 'info' }: { children?: ComponentChildren; tone?: 'info' | 'success' }) {
  return (
    <div class={`notice notice-${tone}`} role="status" aria-live="polite">
      {children}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel';
  autocomplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  /** What is wrong with the value: marks the field invalid and is read with it. */
  error?: string | null;
  /** Id prefix when one page has two fields of the same name. */
  idPrefix?: string;
}

export function Field({ label, name, type = 'text', hint, error, idPrefix = 'field', onInput, ...rest }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        // One variant of Preact's per-type input union; all these types take the same attributes.
        type={type as 'text'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...rest}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      {children && <p>{children}</p>}
    </div>
  );
}
