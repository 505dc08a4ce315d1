import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from '@playwright/test'
import type { HamishBenchApi } from '../pages/page-api'

/** The page-side scripts, each a file in bench/pages/ bundled on its own. */
export type PageScript = 'ready-probe' | 'idb-prefill' | 'reader-probes' | 'storage-probes'

const bundles = new Map<PageScript, Promise<string>>()

/** The script bundled for the browser (once per run), ready to inject. */
export function pageScript(name: PageScript): Promise<string> {
  let bundle = bundles.get(name)
  if (bundle === undefined) {
    bundle = build({
      entryPoints: [fileURLToPath(new URL(`../pages/${name}.ts`, import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'warning',
    }).then((result) => {
      const output = result.outputFiles[0]
      if (output === undefined) throw new Error(`esbuild produced nothing for ${name}`)
      return output.text
    })
    bundles.set(name, bundle)
  }
  return bundle
}

/** Runs a page script in the page now, whatever the page's Content-Security-Policy says. */
export async function injectPageScript(page: Page, name: PageScript): Promise<void> {
  await page.evaluate(await pageScript(name))
}

type Api = HamishBenchApi

/**
 * Calls a function of an injected page script. The call travels as a string expression: a
 * function passed to `page.evaluate` would be serialised from the code tsx compiled, which may
 * refer to helpers the page does not have.
 */
export async function callInPage<K extends keyof Api>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  const call = `window.hamishBench.${name}(...${JSON.stringify(args)})`
  return (await page.evaluate(call)) as Awaited<ReturnType<Api[K]>>
}
