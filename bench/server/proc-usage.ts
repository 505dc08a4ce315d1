import { readFile } from 'node:fs/promises'

/** What Linux's /proc says a process has used. Clock ticks are 100 a second on Linux x64. */
const TICKS_PER_SECOND = 100

/** User plus system CPU time of a process so far, in milliseconds. */
export async function cpuMilliseconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces, so split after its closing paren):
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "comm) ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  if (!Number.isFinite(ticks)) throw new Error(`unreadable /proc/${pid}/stat`)
  return (ticks * 1000) / TICKS_PER_SECOND
}

/** Peak resident set size of a process (VmHWM), in MB. */
export async function peakRssMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
  if (kilobytes === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`)
  return Number(kilobytes) / 1024
}
