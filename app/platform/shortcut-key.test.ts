import { describe, expect, it } from 'vitest'
import { shortcutKey } from './shortcut-key'

describe('the key a shortcut was pressed with', () => {
  it('reads a Latin layout by what the key types', () => {
    expect(shortcutKey({ key: 'z', code: 'KeyZ' })).toBe('z')
    expect(shortcutKey({ key: 'Z', code: 'KeyZ' })).toBe('z')
    // AZERTY: the key marked Z sits where a US keyboard has W.
    expect(shortcutKey({ key: 'z', code: 'KeyW' })).toBe('z')
    expect(shortcutKey({ key: '/', code: 'Slash' })).toBe('/')
  })

  it('reads an Arabic layout by where the key sits', () => {
    expect(shortcutKey({ key: 'ئ', code: 'KeyZ' })).toBe('z')
    expect(shortcutKey({ key: 'غ', code: 'KeyY' })).toBe('y')
    expect(shortcutKey({ key: 'ظ', code: 'Slash' })).toBe('/')
  })

  it('leaves named keys, and keys it cannot place, as they are', () => {
    expect(shortcutKey({ key: 'Escape', code: 'Escape' })).toBe('Escape')
    expect(shortcutKey({ key: 'ذ', code: 'Backquote' })).toBe('ذ')
  })
})
