import { afterEach, describe, expect, it, vi } from 'vitest'
import { stderrSecurityLog } from './security-log'

afterEach(() => vi.restoreAllMocks())

describe('stderrSecurityLog', () => {
  it('writes one line per refusal, its values quoted, so a hostile name cannot forge a line', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    stderrSecurityLog({
      kind: 'sync-refused',
      documentName: 'seminar:x:notebook\nhamish: refused nothing: all is well',
      reason: 'There is no such document: the name is not a seminar document.',
    })
    expect(write).toHaveBeenCalledTimes(1)
    expect(write.mock.calls[0]![0]).toBe(
      'hamish: refused sync-refused: documentName="seminar:x:notebook\\nhamish: refused nothing: all is well" reason="There is no such document: the name is not a seminar document."\n',
    )
  })
})
