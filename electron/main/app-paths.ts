import nodePath from 'node:path'

export interface AppPaths {
  /** The Vite build served as `app://hamish/`. */
  webRoot: string
  preload: string
}

/**
 * Where the app's files are. `mainDir` is the folder of the bundled `main.cjs`
 * (`<root>/dist/electron`, inside `app.asar` when packaged, where `dist/web` sits beside it).
 */
export function resolveAppPaths(mainDir: string): AppPaths {
  const packageRoot = nodePath.resolve(mainDir, '..', '..')
  return {
    webRoot: nodePath.join(packageRoot, 'dist', 'web'),
    preload: nodePath.join(mainDir, 'preload.cjs'),
  }
}
