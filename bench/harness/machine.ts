import { execFileSync } from 'node:child_process'
import { cpus, platform, release, totalmem } from 'node:os'

/** What the figures were measured on: they mean little without it. */
export interface MachineDescription {
  readonly cpuModel: string
  readonly cpuCount: number
  readonly totalMemoryBytes: number
  readonly os: string
  readonly node: string
  readonly chromium: string | null
}

export function describeMachine(chromium: string | null): MachineDescription {
  const processors = cpus()
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    totalMemoryBytes: totalmem(),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
  }
}

/** The commit measured, and whether the work tree differed from it. */
export interface Revision {
  readonly commit: string | null
  readonly uncommittedChanges: boolean | null
}

export function currentRevision(root: string): Revision {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  try {
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      uncommittedChanges: git('status', '--porcelain', '--untracked-files=no').trim() !== '',
    }
  } catch {
    return { commit: null, uncommittedChanges: null }
  }
}
