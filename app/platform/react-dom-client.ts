/**
 * `createRoot`, through a module the build puts in React's own file (see `vite.config.ts`).
 *
 * The bundler starts a CommonJS package such as react-dom in the module that first imports it,
 * and react-dom makes some Errors as it starts. Whenever DevTools or a test driver is attached,
 * V8 finds the line of every frame of a new Error, and for a frame at a file's top level that
 * means re-parsing the whole top level of that file. Started from here, the frame is React's
 * file (0.2 MB) rather than the app's (0.8 MB).
 */
import { createRoot as reactCreateRoot } from 'react-dom/client'

// A binding of its own: a bare re-export would leave react-dom to start where the app uses it.
export const createRoot = reactCreateRoot
