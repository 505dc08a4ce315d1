import nodePath from 'node:path'

export interface StartupArgumentsContext {
  /**
   * True when Electron runs as `electron <app path> …` (development, Playwright): argv then
   * carries the app path, which is not an article. A packaged app gets `<exe> …` only.
   */
  argvHasAppPath: boolean
  /** Directory relative paths are resolved against (the launching shell's, for a second instance). */
  cwd: string
  isSupportedArticle: (fileName: string) => boolean
  isFile: (path: string) => boolean
}

/**
 * The article file the app was started on: `--article <path>` or `--article=<path>` when
 * given, else the first argument that names an existing file with a supported extension (how
 * "Open with" and file associations pass it). Chromium and Node switches are skipped.
 */
export function startupArticlePath(
  argv: readonly string[],
  context: StartupArgumentsContext,
): string | null {
  const args = userArguments(argv, context.argvHasAppPath)

  const explicit = explicitArticleArgument(args)
  if (explicit !== null) return nodePath.resolve(context.cwd, explicit)

  for (const arg of args) {
    if (arg.startsWith('-')) continue
    const candidate = nodePath.resolve(context.cwd, arg)
    if (context.isSupportedArticle(candidate) && context.isFile(candidate)) return candidate
  }
  return null
}

/** argv without the executable and, in development, without the switches and app path before it. */
export function userArguments(argv: readonly string[], argvHasAppPath: boolean): string[] {
  const rest = argv.slice(1)
  if (!argvHasAppPath) return rest
  const appPathIndex = rest.findIndex((arg) => !arg.startsWith('-'))
  return appPathIndex === -1 ? [] : rest.slice(appPathIndex + 1)
}

function explicitArticleArgument(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') break
    if (arg.startsWith('--article=')) return arg.slice('--article='.length) || null
    if (arg === '--article') return args[i + 1] ?? null
  }
  return null
}
