import { describe, expect, it } from 'vitest'
import { appDataDir } from './app-data-dir'

describe('appDataDir', () => {
  it('uses %APPDATA% on Windows', () => {
    expect(
      appDataDir({
        env: { APPDATA: 'C:\\Users\\hanan\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\hanan',
      }),
    ).toBe('C:\\Users\\hanan\\AppData\\Roaming\\Hamish')
  })

  it('falls back to the roaming folder under the home folder when %APPDATA% is unset', () => {
    expect(appDataDir({ env: {}, platform: 'win32', home: 'C:\\Users\\hanan' })).toBe(
      'C:\\Users\\hanan\\AppData\\Roaming\\Hamish',
    )
  })

  it('uses Application Support on macOS', () => {
    expect(appDataDir({ env: {}, platform: 'darwin', home: '/Users/hanan' })).toBe(
      '/Users/hanan/Library/Application Support/Hamish',
    )
  })

  it('uses $XDG_DATA_HOME on Linux', () => {
    expect(
      appDataDir({ env: { XDG_DATA_HOME: '/data/hanan' }, platform: 'linux', home: '/home/hanan' }),
    ).toBe('/data/hanan/hamish')
  })

  it('uses ~/.local/share on Linux without $XDG_DATA_HOME, or with a relative one', () => {
    expect(appDataDir({ env: {}, platform: 'linux', home: '/home/hanan' })).toBe(
      '/home/hanan/.local/share/hamish',
    )
    expect(
      appDataDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'freebsd', home: '/home/hanan' }),
    ).toBe('/home/hanan/.local/share/hamish')
  })
})
