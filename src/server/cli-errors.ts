import { CommanderError } from 'commander'
import { writeStderrLine } from './cli-output'
import { ExitCode, HamishError } from './hamish-error'

/** Commander's ways of ending that are not failures: `--help` and `--version`. */
const COMMANDER_SUCCESS_CODES = new Set(['commander.helpDisplayed', 'commander.version'])

/**
 * Tells the user what went wrong in one line and returns the exit code. Errors worded for the
 * user are shown as they are; anything else is a bug, shown as one line too, with its stack
 * only when HAMISH_DEBUG=1 asks for it.
 */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message through `configureOutput`.
    return COMMANDER_SUCCESS_CODES.has(error.code) ? 0 : ExitCode.usage
  }
  if (error instanceof HamishError) {
    writeStderrLine(`hamish: ${error.message}`)
    printStackWhenDebugging(error)
    return error.exitCode
  }
  const message = error instanceof Error ? error.message : String(error)
  writeStderrLine(
    `hamish: unexpected error: ${message}${isDebugging() ? '' : ' (set HAMISH_DEBUG=1 to see where it happened)'}`,
  )
  printStackWhenDebugging(error)
  return ExitCode.software
}

/** An error nothing caught (a failing socket in the server, say) ends the process with one line, too. */
export function reportUncaughtErrors(): void {
  const fail = (error: unknown) => process.exit(reportError(error))
  process.on('uncaughtException', fail)
  process.on('unhandledRejection', fail)
}

function isDebugging(): boolean {
  return process.env['HAMISH_DEBUG'] === '1'
}

function printStackWhenDebugging(error: unknown): void {
  if (!isDebugging()) return
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    process.stderr.write(`${current.stack ?? current.message}\n`)
  }
}
