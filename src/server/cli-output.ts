import { errorCode } from './error-code'
import { ExitCode } from './hamish-error'

/**
 * Makes a closed stdout harmless: `hamish import x | head` closes the pipe early, which is the
 * reader saying "enough", not an error worth a message. Other write failures (a full disk)
 * get one line. Install once, before the first write.
 */
export function guardStdout(): void {
  process.stdout.on('error', (error) => {
    if (errorCode(error) === 'EPIPE') process.exit(0)
    process.stderr.write(`hamish: cannot write the output: ${error.message}\n`)
    process.exit(ExitCode.software)
  })
}

/** Writes to stdout and resolves once the text is handed to the OS. */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => {
    // A failed write also emits 'error', which `guardStdout` handles.
    process.stdout.write(text, () => resolve())
  })
}

/** One line on stderr: newlines inside a message would read as several errors. */
export function writeStderrLine(text: string): void {
  process.stderr.write(`${text.replace(/\s*\n\s*/g, ' ').trim()}\n`)
}
