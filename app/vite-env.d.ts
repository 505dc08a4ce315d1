/// <reference types="vite/client" />

/** The package version, set by Vite's `define` at build time. */
declare const __HAMISH_VERSION__: string
