import { describe, expect, it } from 'vitest'
import { invokeErrorMessage } from './invoke-error'

describe('invokeErrorMessage', () => {
  it("drops Electron's prefix and the error class name", () => {
    const raw = new Error(
      'Error invoking remote method \'article:open\': Error: Could not open "a.pdf": ".pdf" files are not supported.',
    )
    expect(invokeErrorMessage('article:open', raw)).toBe(
      'Could not open "a.pdf": ".pdf" files are not supported.',
    )
  })

  it('keeps a message that has no prefix', () => {
    expect(invokeErrorMessage('app:info', new Error('Something plain.'))).toBe('Something plain.')
    expect(invokeErrorMessage('app:info', 'a string')).toBe('a string')
    expect(invokeErrorMessage('app:info', new Error('TypeError: kept as written'))).toBe(
      'TypeError: kept as written',
    )
  })

  it('only strips the prefix of its own channel', () => {
    const raw = new Error("Error invoking remote method 'other': Error: x")
    expect(invokeErrorMessage('app:info', raw)).toBe(
      "Error invoking remote method 'other': Error: x",
    )
  })
})
