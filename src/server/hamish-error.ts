/**
 * Exit codes from BSD's sysexits.h (plus 2 for usage, as most Unix tools use), so a script can
 * tell a typo on the command line from a missing file from a file that is not an article.
 */
export const ExitCode = {
  usage: 2,
  /** The input is not what it should be: not text, empty, too large, not an article. */
  dataError: 65,
  /** The input does not exist or cannot be read. */
  noInput: 66,
  /** A service is unavailable: the port is taken, the address is not this machine's. */
  unavailable: 69,
  /** A bug: an error nobody worded for the user. */
  software: 70,
  /** An output folder cannot be created or written. */
  cannotCreate: 73,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * An error already worded for the user: one sentence naming the thing and the problem, shown
 * as it is by the CLI (one line on stderr, no stack) and by the Electron shell (a dialog).
 */
export class HamishError extends Error {
  override readonly name = 'HamishError'

  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
