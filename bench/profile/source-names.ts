import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import type { CallFrame } from './cpu-trace'

/**
 * Names a sampled frame by where it is in the sources rather than in the minified build:
 * `function path/to/file.ts:line`, through the build's source maps next to its scripts in
 * `assetsDir`. A frame with no map (the browser's own, an inline script) keeps V8's name.
 */
export function sourceNamer(assetsDir: string): (frame: CallFrame) => string {
  const maps = new Map<string, TraceMap | null>()
  const mapFor = (url: string): TraceMap | null => {
    const file = fileOf(url)
    if (!maps.has(file)) maps.set(file, readMap(join(assetsDir, `${file}.map`)))
    return maps.get(file) ?? null
  }
  const names = new Map<string, string>()
  return (frame) => {
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`
    let name = names.get(key)
    if (name === undefined) {
      name = nameOf(frame, frame.url ? mapFor(frame.url) : null)
      names.set(key, name)
    }
    return name
  }
}

function fileOf(url: string): string {
  return basename(new URL(url, 'file:///').pathname)
}

function readMap(path: string): TraceMap | null {
  try {
    return new TraceMap(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** A package's file from its package's name on, one of ours from the repository's root. */
function shortPath(path: string): string {
  const inPackage = path.lastIndexOf('node_modules/')
  if (inPackage >= 0) return path.slice(inPackage + 'node_modules/'.length)
  return path.replace(/^(\.\.?\/)+/, '')
}

function nameOf(frame: CallFrame, map: TraceMap | null): string {
  const { url, lineNumber, columnNumber } = frame
  const functionName = frame.functionName || '(anonymous)'
  if (!url || lineNumber === undefined) return functionName
  if (map) {
    const original = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber ?? 0 })
    if (original.source !== null) {
      return `${original.name ?? functionName} ${shortPath(original.source)}:${original.line}`
    }
  }
  return `${functionName} ${fileOf(url)}:${lineNumber + 1}`
}
