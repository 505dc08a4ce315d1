import type { UiLanguage } from '../i18n/ui-language'

/**
 * Has a worker load the data Intl's date formats and collation need, on the other core while
 * this thread builds the page. ICU keeps that data for the whole process, so the first comment
 * card's formatter, built on this thread, is then quick. Only a head start: where a worker cannot
 * start, the page builds its formatter as it would have anyway.
 */
export function warmUpIntl(language: UiLanguage): void {
  try {
    const worker = new Worker(new URL('./intl-warm-up.worker.ts', import.meta.url), {
      type: 'module',
      name: 'intl-warm-up',
    })
    worker.addEventListener('error', () => worker.terminate())
    worker.postMessage(language)
  } catch {
    // No worker (a CSP, an old engine): nothing is lost but the head start.
  }
}
