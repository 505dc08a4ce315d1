import { describe, expect, it } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { handleIpcCall, registerIpcHandlers } from './ipc-handlers'
import type { IpcImplementations } from './ipc-handlers'

const implementations: IpcImplementations = {
  'app:info': () => Promise.resolve({ name: 'Hamish', version: '0.1.0', os: 'linux' }),
  'article:startup': () => Promise.resolve(null),
  'article:open': () =>
    Promise.reject(new Error('Could not open "photo.png": ".png" files are not supported.')),
  'file:save-text': (request) => Promise.resolve({ location: `/home/r/${request.suggestedName}` }),
  'file:save-bytes': (request) => Promise.resolve({ location: `/home/r/${request.suggestedName}` }),
  'file:open-text': () => Promise.resolve({ fileName: 'notes.json', text: '[]' }),
  'ui:set-language': () => Promise.resolve(null),
  'article:open-dropped': () => Promise.reject(new Error('not used here')),
  'article:open-recent': () => Promise.reject(new Error('not used here')),
  'seminar:host': () => Promise.reject(new Error('not used here')),
  'seminar:stop-hosting': () => Promise.resolve({ state: 'stopped' }),
  'seminar:hosting-status': () => Promise.resolve({ state: 'stopped' }),
}

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>
const fromUrl = (url: string | null): Sender =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as Sender

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const channels: string[] = []
    registerIpcHandlers({ handle: (channel) => void channels.push(channel) }, implementations)
    expect(channels.sort()).toEqual([
      'app:info',
      'article:open',
      'article:open-dropped',
      'article:open-recent',
      'article:startup',
      'file:open-text',
      'file:save-bytes',
      'file:save-text',
      'seminar:host',
      'seminar:hosting-status',
      'seminar:stop-hosting',
      'ui:set-language',
    ])
  })
})

describe('handleIpcCall', () => {
  const logged: string[] = []
  const log = (message: string) => void logged.push(message)

  it('runs a valid call and returns its checked result', async () => {
    const result = await handleIpcCall(
      'file:save-text',
      fromUrl('app://hamish/index.html'),
      [{ suggestedName: 'n.md', mimeType: 'text/markdown', text: 'x' }],
      implementations,
      log,
    )
    expect(result).toEqual({ location: '/home/r/n.md' })
  })

  it('saves bytes under a plain name, and refuses a path or something that is not bytes', async () => {
    const sender = fromUrl('app://hamish/index.html')
    const zip = {
      suggestedName: 'notes.zip',
      mimeType: 'application/zip',
      bytes: new Uint8Array(4),
    }
    await expect(
      handleIpcCall('file:save-bytes', sender, [zip], implementations, log),
    ).resolves.toEqual({ location: '/home/r/notes.zip' })
    await expect(
      handleIpcCall(
        'file:save-bytes',
        sender,
        [{ ...zip, suggestedName: '../notes.zip' }],
        implementations,
        log,
      ),
    ).rejects.toThrow()
    await expect(
      handleIpcCall('file:save-bytes', sender, [{ ...zip, bytes: 'PK' }], implementations, log),
    ).rejects.toThrow()
  })

  it('opens only the text kinds the contract names', async () => {
    const sender = fromUrl('app://hamish/index.html')
    await expect(
      handleIpcCall('file:open-text', sender, [{ kind: 'annotations' }], implementations, log),
    ).resolves.toEqual({ fileName: 'notes.json', text: '[]' })
    await expect(
      handleIpcCall('file:open-text', sender, [{ kind: 'ssh-keys' }], implementations, log),
    ).rejects.toThrow()
  })

  it('passes on the user message of a failing implementation', async () => {
    await expect(
      handleIpcCall('article:open', fromUrl('app://hamish/'), [], implementations, log),
    ).rejects.toThrow(/^Could not open "photo.png": ".png" files are not supported.$/)
  })

  it('refuses foreign senders, destroyed frames, extra arguments and bad payloads without running anything', async () => {
    let ran = false
    const spy: IpcImplementations = {
      ...implementations,
      'file:save-text': () => {
        ran = true
        return Promise.resolve(null)
      },
    }
    const good = { suggestedName: 'n.md', mimeType: 'text/markdown', text: 'x' }
    await expect(
      handleIpcCall('file:save-text', fromUrl('https://evil.example/'), [good], spy, log),
    ).rejects.toThrow(/only the app's own pages/)
    await expect(handleIpcCall('file:save-text', fromUrl(null), [good], spy, log)).rejects.toThrow(
      /no longer exists/,
    )
    await expect(
      handleIpcCall('file:save-text', fromUrl('app://hamish/'), [good, good], spy, log),
    ).rejects.toThrow(/expected at most one/)
    await expect(
      handleIpcCall(
        'file:save-text',
        fromUrl('app://hamish/'),
        [{ ...good, suggestedName: '/etc/passwd' }],
        spy,
        log,
      ),
    ).rejects.toThrow(/invalid request/)
    expect(ran).toBe(false)
    expect(logged.length).toBeGreaterThanOrEqual(4)
  })

  it('checks the new channels the same way: a relative dropped path or a bad language never runs', async () => {
    const ran: string[] = []
    const spy: IpcImplementations = {
      ...implementations,
      'ui:set-language': (request) => {
        ran.push(request.language)
        return Promise.resolve(null)
      },
      'article:open-dropped': (request) => {
        ran.push(request.path)
        return Promise.reject(new Error('stop here'))
      },
    }
    const app = fromUrl('app://hamish/index.html')
    expect(await handleIpcCall('ui:set-language', app, [{ language: 'ar' }], spy, log)).toBeNull()
    await expect(
      handleIpcCall('ui:set-language', app, [{ language: 'fr' }], spy, log),
    ).rejects.toThrow(/invalid request/)
    await expect(
      handleIpcCall('article:open-dropped', app, [{ path: '../secret.md' }], spy, log),
    ).rejects.toThrow(/invalid request: path: The path is not a full path\./)
    await expect(
      handleIpcCall(
        'article:open-dropped',
        fromUrl('https://evil.example/'),
        [{ path: '/home/r/a.md' }],
        spy,
        log,
      ),
    ).rejects.toThrow(/only the app's own pages/)
    await expect(
      handleIpcCall('article:open-dropped', app, [{ path: '/home/r/a.md' }], spy, log),
    ).rejects.toThrow(/^stop here$/)
    expect(ran).toEqual(['ar', '/home/r/a.md'])
  })

  it('refuses to hand the renderer a malformed result', async () => {
    const broken = {
      ...implementations,
      'app:info': () => Promise.resolve({ name: 'Hamish' }),
    } as unknown as IpcImplementations
    await expect(
      handleIpcCall('app:info', fromUrl('app://hamish/'), [], broken, log),
    ).rejects.toThrow(/invalid answer on "app:info"/)
  })
})
