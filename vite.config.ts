import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const root = fileURLToPath(new URL('./app', import.meta.url))

/**
 * Writes `offline-files.json`, the names of the build's scripts, styles and fonts, for the
 * offline worker (app/public/offline-worker.js) to keep: the chunks a visit never loaded (a
 * dialog, the seminar's sync) must still be there when the app reopens offline. Not the `.woff`
 * fonts: every browser with service workers takes the `.woff2` ones.
 */
function offlineFileList(): Plugin {
  return {
    name: 'hamish-offline-file-list',
    apply: 'build',
    // After Vite's own plugins, which drop the entry chunk that only led to the others.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && /\.(js|css|woff2)$/.test(name))
        .sort()
      this.emitFile({
        type: 'asset',
        fileName: 'offline-files.json',
        source: JSON.stringify(files),
      })
    },
  }
}

/**
 * The faces the first screen is set in: the article's Arabic and Latin, body and headings, and
 * its body's Latin Extended (the transliterations); and the interface's Arabic, regular and
 * semibold, which the header and outline use for the article's title and headings in either UI
 * language (its Latin comes from the system font).
 */
const FIRST_SCREEN_FACES =
  /^assets\/(noto-naskh-arabic-((arabic|latin)-(400|700)|latin-ext-400)|noto-sans-arabic-arabic-(400|600))-normal-[\w-]+\.woff2$/

/**
 * Asks for the first screen's fonts with the page, not when what uses them is first styled:
 * found that late, they arrived after the first layout, and swapping them in laid the whole page
 * out a second time (a face that loads invalidates every text whose family list names it).
 */
function preloadFirstScreenFonts(): Plugin {
  return {
    name: 'hamish-preload-first-screen-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        return Object.keys(context.bundle ?? {})
          .filter((name) => FIRST_SCREEN_FACES.test(name))
          .sort()
          .map((name) => ({
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
              href: `./${name}`,
            },
            injectTo: 'head' as const,
          }))
      },
    },
  }
}

/**
 * A code-splitting group: the named packages, with the app modules that must start inside the
 * same file (see app/platform/react-dom-client.ts), in a file of their own.
 */
function vendorChunk(
  name: string,
  packages: readonly string[],
  appModules: readonly string[] = [],
) {
  const paths = [
    ...packages.map((name) => `node_modules[\\\\/]${name}[\\\\/]`),
    ...appModules.map((path) => `[\\\\/]app[\\\\/]${path.replace(/[/.]/g, '\\$&')}$`),
  ]
  return {
    name,
    test: new RegExp(paths.join('|')),
    // Above the app's group, which would otherwise take every module the first screen imports.
    priority: 1,
  }
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served over http by `hamish serve` and through the
  // app:// protocol in Electron.
  base: './',
  plugins: [react(), offlineFileList(), preloadFirstScreenFonts()],
  define: { __HAMISH_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The page's own script is app-*.js, whichever group ends up holding the entry module.
        entryFileNames: 'assets/app-[hash].js',
        codeSplitting: {
          // What the first screen runs loads with the page; what opens on demand (dialogs, the
          // seminar's sync, the article importers) loads in chunks of its own.
          groups: [
            // Apart from the rest, the libraries that make an Error as they load:
            // prosemirror-model reads one's stack to sniff for V8, React and lib0 keep some
            // ready-made. Finding the line of an Error's frames (to format a stack, or whenever
            // DevTools or a test driver is attached) makes V8 re-parse the whole top level of
            // the file the frame is in: ~0.1 s for the app's 1.2 MB, a few ms for a file of
            // its own.
            vendorChunk('prosemirror-model', ['prosemirror-model', 'orderedmap']),
            vendorChunk(
              'react',
              ['react', 'react-dom', 'scheduler'],
              ['platform/react-dom-client.ts'],
            ),
            vendorChunk('yjs', ['yjs', 'lib0']),
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
})
