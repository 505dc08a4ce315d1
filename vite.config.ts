import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const root = fileURLToPath(new URL('./app', import.meta.url))

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served over http by `hamish serve` and through the
  // app:// protocol in Electron.
  base: './',
  plugins: [react()],
  define: { __HAMISH_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
})
