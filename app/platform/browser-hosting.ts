import { ApiErrorBody, CreateSeminarResponse } from '../../src/core/seminar/seminar-api'
import type {
  HostSeminarOutcome,
  HostedSeminar,
  HostingStatus,
} from '../../src/core/seminar/seminar-hosting'
import { parseJoinLink } from '../../src/core/seminar/seminar-links'
import type { HostSeminarRequestWithToken, Platform } from '../../src/core/platform'

type BrowserHosting = Pick<Platform, 'hostSeminar' | 'stopHosting' | 'hostingStatus'>

/**
 * Hosting from a browser tab: the page asks the `hamish serve` that served it to open a seminar.
 * The server creates seminars only for a page on its own computer, or with its admin token; it
 * runs in a terminal, so a tab cannot stop it. The seminars this tab opened are its status.
 */
export function browserHosting(
  fetchApi: typeof fetch = (...args) => fetch(...args),
): BrowserHosting {
  const opened: HostedSeminar[] = []

  const status = (): HostingStatus => {
    const server = opened[0] && parseJoinLink(opened[0].joinUrl)?.server
    return server
      ? { state: 'hosting', serverUrl: server, canStop: false, seminars: [...opened] }
      : { state: 'stopped' }
  }

  return {
    async hostSeminar(request: HostSeminarRequestWithToken): Promise<HostSeminarOutcome> {
      const { adminToken, title, instructorName, settings, article } = request
      // The port is the desktop app's choice; `hamish serve` already listens where it listens.
      const body = { title, settings, article, ...(instructorName && { instructorName }) }
      let response: Response
      try {
        response = await fetchApi('./api/seminars', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(adminToken?.trim() && { authorization: `Bearer ${adminToken.trim()}` }),
          },
          body: JSON.stringify(body),
        })
      } catch {
        return { ok: false, problem: { kind: 'no-server' } }
      }
      const json = await jsonOf(response)
      if (response.status === 201) {
        const seminar = { ...CreateSeminarResponse.parse(json), title: body.title }
        opened.push(seminar)
        return { ok: true, seminar }
      }
      if (response.status === 401) return { ok: false, problem: { kind: 'bad-admin-token' } }
      if (response.status === 403) return { ok: false, problem: { kind: 'not-allowed' } }
      // No seminar API here (a static host, the Vite dev server): no Hamish server behind the page.
      if (response.status === 404 || response.status === 405 || json === undefined) {
        return { ok: false, problem: { kind: 'no-server' } }
      }
      const error = ApiErrorBody.safeParse(json)
      throw new Error(error.success ? error.data.error : `The server answered ${response.status}.`)
    },
    stopHosting: () =>
      Promise.reject(
        new Error('This page cannot stop the server: stop `hamish serve` where it runs (Ctrl+C).'),
      ),
    hostingStatus: () => Promise.resolve(status()),
  }
}

/** The JSON body, or undefined when the answer is not JSON (a page, a proxy's error). */
async function jsonOf(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}
