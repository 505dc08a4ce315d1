import { CommanderError } from 'commander'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reportError } from './cli-errors'
import { ExitCode, HamishError } from './hamish-error'

function captureStderr(): () => string {
  let written = ''
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += chunk.toString()
    return true
  })
  return () => written
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('reportError', () => {
  it('shows a worded error as one line and returns its exit code', () => {
    const stderr = captureStderr()
    const code = reportError(
      new HamishError('cannot import "a.pdf": it is binary.', ExitCode.dataError),
    )
    expect(stderr()).toBe('hamish: cannot import "a.pdf": it is binary.\n')
    expect(code).toBe(ExitCode.dataError)
  })

  it('shows an unexpected error as one line, without its stack', () => {
    vi.stubEnv('HAMISH_DEBUG', '')
    const stderr = captureStderr()
    const code = reportError(new TypeError('x is not a function\n    at somewhere'))
    expect(stderr()).toBe(
      'hamish: unexpected error: x is not a function at somewhere (set HAMISH_DEBUG=1 to see where it happened)\n',
    )
    expect(code).toBe(ExitCode.software)
  })

  it('adds the stack, and its causes, when HAMISH_DEBUG=1', () => {
    vi.stubEnv('HAMISH_DEBUG', '1')
    const stderr = captureStderr()
    const cause = new Error('EACCES')
    reportError(
      new HamishError('cannot use "d" as the data folder.', ExitCode.cannotCreate, { cause }),
    )
    const lines = stderr().split('\n')
    expect(lines[0]).toBe('hamish: cannot use "d" as the data folder.')
    expect(stderr()).toMatch(/HamishError: cannot use "d"[^]*at [^]*Error: EACCES\n {4}at /)
  })

  it('treats --help and --version as success and other commander errors as usage errors', () => {
    const stderr = captureStderr()
    expect(reportError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0)
    expect(reportError(new CommanderError(0, 'commander.version', '1.0.0'))).toBe(0)
    expect(reportError(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(ExitCode.usage)
    // Commander printed those itself.
    expect(stderr()).toBe('')
  })
})
