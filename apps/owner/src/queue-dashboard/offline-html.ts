import { cspHeader, INLINE_STYLES_CSP } from '@shopwire/http';

/**
 * bull-board's page links web fonts from fonts.googleapis.com. The dashboard must work with no
 * internet and send nothing to third parties, so every stylesheet/script/preconnect link to
 * another origin is dropped (the page falls back to system fonts), and a Content-Security-Policy
 * keeps anything else the page might try on this origin.
 */
const EXTERNAL_LINK = /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>/gi;
const EXTERNAL_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*<\/script>/gi;

export function withoutExternalResources(html: string): string {
  return html.replace(EXTERNAL_LINK, '').replace(EXTERNAL_SCRIPT, '');
}

/** Same-origin only; inline styles stay allowed because the board's loading screen uses them. */
export const DASHBOARD_CSP = cspHeader(INLINE_STYLES_CSP);
