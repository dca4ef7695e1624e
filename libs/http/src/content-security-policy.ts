/**
 * Content-Security-Policy building blocks shared by every service (docs/security.md, ADR 0018).
 * Scripts only ever come from the serving origin's own files: no policy here allows inline
 * scripts, `eval` or inline event handlers.
 */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** What a page of this origin may do when nothing else is said: its own files, nothing framed. */
export const BASE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * For pages whose markup carries inline `<style>` blocks and `style` attributes we do not
 * write (Swagger UI's template, bull-board's loading screen). Styles only: scripts stay strict.
 */
export const INLINE_STYLES_CSP: CspDirectives = withSources(BASE_CSP, { 'style-src': ["'unsafe-inline'"] });

/** `base` with `extra`'s sources added to each directive (duplicates dropped). */
export function withSources(base: CspDirectives, extra: CspDirectives): CspDirectives {
  const merged: Record<string, readonly string[]> = { ...base };
  for (const [directive, sources] of Object.entries(extra)) {
    merged[directive] = [...new Set([...(merged[directive] ?? []), ...sources])];
  }
  return merged;
}

/** The header value: `directive source source; directive ...`. */
export function cspHeader(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}
