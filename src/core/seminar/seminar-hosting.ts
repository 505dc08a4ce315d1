import { z } from 'zod'
import { ArticleDocSchema } from '../article/article-doc'
import { MemberName } from './member-name'
import { CreateSeminarResponse, SeminarTitle } from './seminar-api'
import { SeminarSettings } from './seminar-settings'

/**
 * Hosting a seminar on this computer (issue 6, item 4): what the renderer asks for, what it gets
 * back, and the failures it words itself. Shared by the Electron IPC contract, the `Platform`
 * interface and the Node hosting service.
 */

/**
 * The port a hosted seminar listens on unless the user picks another: the same every time, so
 * the links students saved still work after the host restarts the app.
 */
export const DEFAULT_HOSTING_PORT = 4321

export const HostingPort = z.number().int().min(0).max(65_535)

/**
 * What the host fills in. The article is the one the window has open, as the renderer holds it
 * (edits included): main never saw a dropped or edited article, and the browser front door must
 * send it too.
 */
export const HostSeminarRequestSchema = z.strictObject({
  title: SeminarTitle,
  instructorName: MemberName.optional(),
  settings: SeminarSettings,
  article: ArticleDocSchema,
  /** Where to listen; 0 takes any free port. Only the desktop app chooses (a browser asks `hamish serve`). */
  port: HostingPort.optional(),
})
export type HostSeminarRequest = z.infer<typeof HostSeminarRequestSchema>

export const HostedSeminarSchema = CreateSeminarResponse.extend({
  title: z.string(),
})
/** A seminar this computer hosts: its links and code, and the instructor's token (a password). */
export type HostedSeminar = z.infer<typeof HostedSeminarSchema>

/**
 * The failures a host can do something about, returned rather than thrown so each front door
 * words them in the UI language and offers the way out (another port, the admin token).
 */
export const HostingProblemSchema = z.discriminatedUnion('kind', [
  /** Another program (another Hamish, say) listens there: try another port, or any free one. */
  z.strictObject({ kind: z.literal('port-in-use'), port: HostingPort }),
  /** Ports below 1024 need administrator rights. */
  z.strictObject({ kind: z.literal('port-forbidden'), port: HostingPort }),
  /** The server refused: the page is not on the computer running `hamish serve`. */
  z.strictObject({ kind: z.literal('not-allowed') }),
  /** The admin token given is not this server's. */
  z.strictObject({ kind: z.literal('bad-admin-token') }),
  /** No Hamish server answers behind this page. */
  z.strictObject({ kind: z.literal('no-server') }),
])
export type HostingProblem = z.infer<typeof HostingProblemSchema>

export const HostSeminarOutcomeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), seminar: HostedSeminarSchema }),
  z.strictObject({ ok: z.literal(false), problem: HostingProblemSchema }),
])
export type HostSeminarOutcome = z.infer<typeof HostSeminarOutcomeSchema>

export const HostingStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('stopped') }),
  z.strictObject({
    state: z.literal('hosting'),
    /** Where students reach the server (the LAN address), ending in `/`. */
    serverUrl: z.url(),
    /** Whether this front door can stop the server (a browser cannot stop `hamish serve`). */
    canStop: z.boolean(),
    /** The seminars opened since hosting started, oldest first. */
    seminars: z.array(HostedSeminarSchema),
  }),
])
export type HostingStatus = z.infer<typeof HostingStatusSchema>

export const NOT_HOSTING: HostingStatus = { state: 'stopped' }
