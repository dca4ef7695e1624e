import type { ComponentChildren } from 'preact';
import type { ExplainedError } from './errors';

/** An error in the user's words, with the service's own message folded away under "Details". */
export function ErrorNotice({ error }: { error: ExplainedError | null }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert">
      <p>{error.message}</p>
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
  type?: 'text' | 'email' | 'password' | 'search';
  autocomplete?: string;
  required?: boolean;
  minLength?: number;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
}

export function Field({ label, name, type = 'text', hint, onInput, ...rest }: FieldProps) {
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        // One variant of Preact's per-type input union; all four types take the same attributes.
        type={type as 'text'}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        {...rest}
      />
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
