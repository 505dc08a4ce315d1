import { z } from 'zod'
import { ArticleDocSchema } from '../article/article-doc'
import { MAX_OPEN_TEXT_BYTES, TEXT_FILE_EXTENSIONS } from '../platform'
import {
  HostSeminarOutcomeSchema,
  HostSeminarRequestSchema,
  HostingStatusSchema,
} from '../seminar/seminar-hosting'

/** Largest export the renderer may ask the shell to write: far above any notes file, far below memory trouble. */
export const MAX_SAVE_TEXT_BYTES = 50 * 1024 * 1024
/** The common file-name limit of ext4, APFS and NTFS. */
export const MAX_FILE_NAME_LENGTH = 255
/** Full paths reported back to the renderer (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096

/** UTF-8 size of a string without allocating an encoded copy (pure: no TextEncoder or Buffer here). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}

/**
 * Why a would-be file name is not a plain name in one folder, or null when it is. The save
 * dialog offers it as the default, so a name with separators or `..` could steer the default
 * location outside the folder the user is looking at.
 */
export function plainFileNameProblem(name: string): string | null {
  if (name.trim().length === 0) return 'is empty'
  if (name.length > MAX_FILE_NAME_LENGTH) return `is longer than ${MAX_FILE_NAME_LENGTH} characters`
  if (name.includes('/') || name.includes('\\')) return 'contains a folder separator'
  if (name.includes('..')) return 'contains ".."'
  if (name === '.') return 'is "."'
  if (hasControlCharacter(name)) return 'contains a control character'
  return null
}

/** NUL and the other C0/C1 controls: invalid or invisible in file names everywhere. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return true
  }
  return false
}

export const PlainFileNameSchema = z.string().superRefine((name, context) => {
  const problem = plainFileNameProblem(name)
  if (problem) context.addIssue({ code: 'custom', message: `The file name ${problem}.` })
})

/** `type/subtype` with an optional parameter, e.g. `text/markdown;charset=utf-8`. */
const MimeTypeSchema = z
  .string()
  .max(255)
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=[a-z0-9_.-]+)*$/i,
    'The MIME type must look like "text/markdown".',
  )

const SaveTextTextSchema = z.string().refine(
  // length * 3 bounds the UTF-8 size from above, so most texts skip the byte count.
  (text) => text.length * 3 <= MAX_SAVE_TEXT_BYTES || utf8ByteLength(text) <= MAX_SAVE_TEXT_BYTES,
  `The text to save is larger than ${MAX_SAVE_TEXT_BYTES / 1024 / 1024} MB.`,
)

export const AppInfoSchema = z.object({
  name: z.string().min(1).max(255),
  version: z.string().min(1).max(255),
  os: z.string().min(1).max(255),
})

export const OpenedArticleSchema = z.object({
  fileName: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
  article: ArticleDocSchema,
})

export const SaveTextRequestSchema = z.strictObject({
  suggestedName: PlainFileNameSchema,
  mimeType: MimeTypeSchema,
  text: SaveTextTextSchema,
})

/** Largest binary export (the instructor's zip) the renderer may ask the shell to write. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024

export const SaveBytesRequestSchema = z.strictObject({
  suggestedName: PlainFileNameSchema,
  mimeType: MimeTypeSchema,
  bytes: z
    .instanceof(Uint8Array)
    .refine(
      (bytes) => bytes.byteLength <= MAX_SAVE_BYTES,
      `The file to save is larger than ${MAX_SAVE_BYTES / 1024 / 1024} MB.`,
    ),
})

export const OpenTextRequestSchema = z.strictObject({
  kind: z.enum(Object.keys(TEXT_FILE_EXTENSIONS) as [keyof typeof TEXT_FILE_EXTENSIONS]),
})

export const OpenedTextSchema = z.object({
  fileName: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
  // Characters, not bytes: never more characters than the bytes main agreed to read.
  text: z.string().max(MAX_OPEN_TEXT_BYTES),
})

export const SavedFileSchema = z.object({
  location: z.string().min(1).max(MAX_PATH_LENGTH),
})

/** The languages the shell's menus and messages speak; the renderer tells main which one is on. */
export const ShellLanguageSchema = z.enum(['ar', 'en'])
export type ShellLanguage = z.infer<typeof ShellLanguageSchema>

export const SetUiLanguageRequestSchema = z.strictObject({ language: ShellLanguageSchema })

/**
 * A full path on this computer: POSIX (`/home/…`), a Windows drive (`C:\…`) or a UNC share
 * (`\\server\…`). Relative paths are refused so nothing depends on the main process's working
 * directory; NUL and other controls are refused because no file system takes them.
 */
export function absolutePathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty'
  if (path.length > MAX_PATH_LENGTH) return `is longer than ${MAX_PATH_LENGTH} characters`
  if (hasControlCharacter(path)) return 'contains a control character'
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(path)) return 'is not a full path'
  return null
}

export const AbsolutePathSchema = z.string().superRefine((path, context) => {
  const problem = absolutePathProblem(path)
  if (problem) context.addIssue({ code: 'custom', message: `The path ${problem}.` })
})

/** An article file named by the shell itself: a dropped file's path, or one from its recent list. */
export const ArticlePathRequestSchema = z.strictObject({ path: AbsolutePathSchema })

/** Channels that take no argument: `ipcRenderer.invoke(channel)` delivers `undefined`. */
const NoRequest = z.undefined()

/**
 * Everything the renderer may ask of the Electron main process, one channel per `Platform`
 * method. The preload exposes exactly these; the main process validates every request and
 * every response against them.
 */
export const ipcContract = {
  'app:info': { request: NoRequest, response: AppInfoSchema },
  'article:startup': { request: NoRequest, response: OpenedArticleSchema.nullable() },
  'article:open': { request: NoRequest, response: OpenedArticleSchema.nullable() },
  'file:save-text': { request: SaveTextRequestSchema, response: SavedFileSchema.nullable() },
  'file:save-bytes': { request: SaveBytesRequestSchema, response: SavedFileSchema.nullable() },
  /** A text file the user picks in the shell's open dialog, read by main within its size limit. */
  'file:open-text': { request: OpenTextRequestSchema, response: OpenedTextSchema.nullable() },
  /** The renderer's UI language, so the menu and the shell's messages follow it. */
  'ui:set-language': { request: SetUiLanguageRequestSchema, response: z.null() },
  /** A file dropped on the window; the preload takes its path from the `File`, never from the page. */
  'article:open-dropped': { request: ArticlePathRequestSchema, response: OpenedArticleSchema },
  /** An entry of File › Recent articles, named back by the `open-recent-article` menu command. */
  'article:open-recent': { request: ArticlePathRequestSchema, response: OpenedArticleSchema },
  /** Starts the seminar server in the app when it is not running, and opens a seminar on it. */
  'seminar:host': { request: HostSeminarRequestSchema, response: HostSeminarOutcomeSchema },
  /** Stops the server: connections closed, documents flushed, database closed. */
  'seminar:stop-hosting': { request: NoRequest, response: HostingStatusSchema },
  'seminar:hosting-status': { request: NoRequest, response: HostingStatusSchema },
} as const satisfies Record<string, IpcChannelSchemas>

export interface IpcChannelSchemas {
  request: z.ZodType
  response: z.ZodType
}

export type IpcContract = typeof ipcContract
export type IpcChannel = keyof IpcContract
export type IpcRequest<C extends IpcChannel> = z.infer<IpcContract[C]['request']>
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[]

export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcContract, channel)
}

/** Menu commands the renderer carries out itself; each is the whole message. */
export const PLAIN_MENU_COMMANDS = [
  'open-article',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'toggle-theme',
  'toggle-outline',
  'toggle-notebook',
  'show-about',
  'show-keyboard-shortcuts',
  'export-notes',
  'import-annotations',
  'host-seminar',
  'join-seminar',
  'leave-seminar',
] as const
export type PlainMenuCommand = (typeof PLAIN_MENU_COMMANDS)[number]

/** A menu item the user chose; the main process sends it, the renderer acts on it. */
export const MenuCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.enum(PLAIN_MENU_COMMANDS) }),
  z.strictObject({ command: z.literal('set-language'), language: ShellLanguageSchema }),
  z.strictObject({ command: z.literal('open-recent-article'), path: AbsolutePathSchema }),
])
export type MenuCommand = z.infer<typeof MenuCommandSchema>

/** How far a long import has got, in the importer's own units (pages of a PDF). */
export const ImportProgressSchema = z
  .strictObject({
    fileName: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  })
  .refine((progress) => progress.done <= progress.total, 'More done than there is in total.')
export type ImportProgress = z.infer<typeof ImportProgressSchema>

/**
 * Messages the main process sends to the renderer unasked. Main validates each payload before
 * sending; the preload hands the renderer the payload only, never Electron's event object.
 */
export const ipcEvents = {
  'menu:command': MenuCommandSchema,
  'article:import-progress': ImportProgressSchema,
} as const satisfies Record<string, z.ZodType>

export type IpcEvents = typeof ipcEvents
export type IpcEventChannel = keyof IpcEvents
export type IpcEventPayload<C extends IpcEventChannel> = z.infer<IpcEvents[C]>
