import type { BrowserContext } from 'playwright-core';

/** Everything a browser context said about Content-Security-Policy while a test ran. */
export interface CspWatch {
  /** `securitypolicyviolation` events and console CSP errors, each with the page it came from. */
  violations: string[];
  /** Each HTML document loaded, with the policy it was served under (undefined: none). */
  documents: { url: string; policy: string | undefined }[];
}

const CSP_CONSOLE = /Content Security Policy|Content-Security-Policy/i;

/**
 * Records CSP violations in every page of `context` (tabs opened later included): the DOM's
 * `securitypolicyviolation` event, reported through a binding that no page policy can block,
 * and Chromium's console errors about refused resources.
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = { violations: [], documents: [] };
  await context.exposeBinding('__reportCspViolation', ({ page }, report: string) => {
    watch.violations.push(`${page.url()}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (CSP_CONSOLE.test(message.text())) watch.violations.push(`${message.page()?.url()}: console: ${message.text()}`);
  });
  context.on('response', (response) => {
    if (response.request().resourceType() !== 'document') return;
    watch.documents.push({ url: response.url(), policy: response.headers()['content-security-policy'] });
  });
  return watch;
}

/** The sources of one directive of a policy (undefined when the policy lacks it). */
export function cspDirective(policy: string, name: string): string[] | undefined {
  const part = policy
    .split(';')
    .map((p) => p.trim().split(/\s+/))
    .find(([directive]) => directive === name);
  return part?.slice(1);
}
