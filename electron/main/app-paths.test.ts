import { describe, expect, it } from 'vitest'
import { resolveAppPaths } from './app-paths'

describe('resolveAppPaths', () => {
  it('finds the web build and the preload beside the main bundle', () => {
    expect(resolveAppPaths('/src/hamish/dist/electron')).toEqual({
      webRoot: '/src/hamish/dist/web',
      preload: '/src/hamish/dist/electron/preload.cjs',
    })
  })

  it('finds them inside the asar archive when packaged', () => {
    expect(resolveAppPaths('/opt/Hamish/resources/app.asar/dist/electron').webRoot).toBe(
      '/opt/Hamish/resources/app.asar/dist/web',
    )
  })
})
