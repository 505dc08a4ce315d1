/**
 * Runs a bench script's `main` and exits with the code it returns; a throw is logged with its
 * stack, since it is the script's own bug rather than a figure missed, and exits with 1.
 */
export function runScript(main: () => Promise<number>, log: (message: string) => void): void {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error))
      process.exitCode = 1
    },
  )
}
