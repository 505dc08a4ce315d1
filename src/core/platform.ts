import type { ArticleDoc } from './article/article-doc'
import type {
  HostSeminarOutcome,
  HostSeminarRequest,
  HostingStatus,
} from './seminar/seminar-hosting'

/** What the renderer may ask of whatever hosts it: the Electron shell or a browser tab. */
export interface Platform {
  readonly kind: 'electron' | 'browser'
  appInfo(): Promise<AppInfo>
  /** The article this window was started on (CLI `--article`, an "open with" file); null: the built-in one. */
  startupArticle(): Promise<OpenedArticle | null>
  /** Lets the user pick an article file; null when they cancel. */
  openArticle(): Promise<OpenedArticle | null>
  /** Saves text the user exported; resolves to where it went, or null when they cancel. */
  saveText(request: SaveTextRequest): Promise<SavedFile | null>
  /** Saves bytes the user exported (a zip); resolves to where they went, or null on cancel. */
  saveBytes(request: SaveBytesRequest): Promise<SavedFile | null>
  /**
   * Lets the user pick a text file of a kind (annotations to import: JSON) and reads it as UTF-8;
   * null when they cancel. A file over `MAX_OPEN_TEXT_BYTES` is refused unread.
   */
  openText(request: OpenTextRequest): Promise<OpenedText | null>
  /**
   * Opens a seminar on the article the window has open, hosted on this computer: the desktop
   * app starts its own server; a browser asks the `hamish serve` that served the page. Problems
   * the host can fix (port in use, not allowed) come back as `{ ok: false, problem }`.
   */
  hostSeminar(request: HostSeminarRequestWithToken): Promise<HostSeminarOutcome>
  /** Stops the server this app hosts (refused where the app does not run it). */
  stopHosting(): Promise<HostingStatus>
  hostingStatus(): Promise<HostingStatus>
}

export interface AppInfo {
  name: string
  version: string
  /** `process.platform` in Electron, `navigator.platform`-like in a browser. */
  os: string
}

export interface OpenedArticle {
  /** The file name the article came from, for titles and errors; no directory. */
  fileName: string
  article: ArticleDoc
}

export interface SaveTextRequest {
  suggestedName: string
  mimeType: string
  text: string
}

export interface SaveBytesRequest {
  suggestedName: string
  mimeType: string
  bytes: Uint8Array
}

/** The kinds of text file the renderer may ask the user for, each with its own extensions. */
export const TEXT_FILE_EXTENSIONS = {
  /** W3C Web Annotation JSON-LD and Hypothesis JSON. */
  annotations: ['.json', '.jsonld'],
} as const satisfies Record<string, readonly string[]>

export interface OpenTextRequest {
  kind: keyof typeof TEXT_FILE_EXTENSIONS
}

export interface OpenedText {
  /** The file name, no directory. */
  fileName: string
  text: string
}

/** Largest text file `openText` reads: above twice what the W3C importer takes, so it says why. */
export const MAX_OPEN_TEXT_BYTES = 40 * 1024 * 1024

/** Thrown by `openText` for a file over the limit, so the UI can say so in its own language. */
export class TextFileTooLargeError extends Error {
  override readonly name = 'TextFileTooLargeError'
  constructor(
    readonly fileName: string,
    readonly bytes: number,
  ) {
    super(
      `"${fileName}" is ${(bytes / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_OPEN_TEXT_BYTES / 1024 / 1024} MB Hamish reads.`,
    )
  }
}

export interface SavedFile {
  /** A full path in Electron, the file name in a browser download. */
  location: string
}

/** A browser page on another computer than `hamish serve` creates seminars with its admin token. */
export type HostSeminarRequestWithToken = HostSeminarRequest & { adminToken?: string }
