import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveFailureMessage, writeTextFileAtomically } from './atomic-write'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(nodePath.join(tmpdir(), 'hamish-save-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('writeTextFileAtomically', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const target = nodePath.join(folder, 'ملاحظاتي.md')
    await writeTextFileAtomically(target, '# ملاحظات\n٣٤٥ — café\n')
    expect(await readFile(target, 'utf8')).toBe('# ملاحظات\n٣٤٥ — café\n')
    expect(await readdir(folder)).toEqual(['ملاحظاتي.md'])
  })

  it('replaces an existing file', async () => {
    const target = nodePath.join(folder, 'notes.md')
    await writeFile(target, 'old')
    await writeTextFileAtomically(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(folder)).toEqual(['notes.md'])
  })

  it('fails with one sentence for the user, cleaning up after itself', async () => {
    const target = nodePath.join(folder, 'taken')
    await mkdir(target)
    await expect(writeTextFileAtomically(target, 'x')).rejects.toThrow(/^Could not save "taken"/)
    expect(await readdir(folder)).toEqual(['taken'])
    await expect(
      writeTextFileAtomically(nodePath.join(folder, 'gone', 'n.md'), 'x'),
    ).rejects.toThrow(/no longer exists\. Choose another folder\.$/)
  })
})

describe('saveFailureMessage', () => {
  it('explains the usual failures', () => {
    const error = (code: string) => Object.assign(new Error(code), { code })
    expect(saveFailureMessage('/media/usb/n.md', error('EACCES'))).toBe(
      'Could not save "n.md": Hamish may not write to /media/usb. Choose another folder.',
    )
    expect(saveFailureMessage('/media/usb/n.md', error('ENOSPC'))).toContain('is full')
    expect(saveFailureMessage('/media/usb/n.md', error('EROFS'))).toContain('read-only')
    expect(saveFailureMessage('/media/usb/n.md', error('EIO'))).toBe(
      'Could not save "n.md" in /media/usb (EIO). Try again or choose another folder.',
    )
  })
})
