import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportProgress, ShellLanguage } from '../../src/core/ipc/contract'
import { MAX_OPEN_TEXT_BYTES, type OpenedArticle } from '../../src/core/platform'
import type { HostSeminarRequest, HostingStatus } from '../../src/core/seminar/seminar-hosting'
import { DocumentImportError } from '../../src/server/article-file'
import { ExitCode, HamishError } from '../../src/server/hamish-error'
import { articleErrorMessage, createPlatformService } from './platform-service'
import type { PlatformServiceDeps } from './platform-service'
import { sampleArticle } from '../../src/core/article/sample-article'

const opened: OpenedArticle = {
  fileName: 'paper.md',
  article: sampleArticle([], { title: 'ورقة' }),
}

function service(overrides: Partial<PlatformServiceDeps> = {}) {
  const calls = {
    openOptions: [] as OpenDialogOptions[],
    saveOptions: [] as SaveDialogOptions[],
    loaded: [] as string[],
    written: [] as [string, string][],
    languages: [] as ShellLanguage[],
    progress: [] as ImportProgress[],
    hosted: [] as HostSeminarRequest[],
  }
  let hosting: HostingStatus = { state: 'stopped' }
  let language: ShellLanguage = 'en'
  const recent = new Set<string>(['/home/r/old.md'])
  const deps: PlatformServiceDeps = {
    app: {
      getName: () => 'Hamish',
      getVersion: () => '0.1.0',
      getPath: () => '/home/r/Documents',
    },
    dialog: {
      showOpenDialog: ((...args: unknown[]) => {
        calls.openOptions.push(args.at(-1) as OpenDialogOptions)
        return Promise.resolve({ canceled: false, filePaths: ['/home/r/papers/paper.md'] })
      }) as PlatformServiceDeps['dialog']['showOpenDialog'],
      showSaveDialog: ((...args: unknown[]) => {
        calls.saveOptions.push(args.at(-1) as SaveDialogOptions)
        return Promise.resolve({ canceled: false, filePath: '/home/r/out/notes.md' })
      }) as PlatformServiceDeps['dialog']['showSaveDialog'],
    },
    window: () => null as BrowserWindow | null,
    os: 'linux',
    startupArticlePath: () => null,
    loadArticleFile: (path) => {
      calls.loaded.push(path)
      return Promise.resolve(opened)
    },
    writeTextFile: (path, text) => {
      calls.written.push([path, text])
      return Promise.resolve()
    },
    language: () => language,
    onLanguageChange: (chosen) => {
      language = chosen
      calls.languages.push(chosen)
    },
    recentArticles: {
      has: (path) => recent.has(path),
      add: (path) => void recent.add(path),
      remove: (path) => void recent.delete(path),
    },
    sendImportProgress: (progress) => void calls.progress.push(progress),
    hosting: {
      host: (request) => {
        calls.hosted.push(request)
        hosting = {
          state: 'hosting',
          serverUrl: 'http://192.0.2.7:4321/',
          canStop: true,
          seminars: [],
        }
        return Promise.resolve({ ok: false, problem: { kind: 'port-in-use', port: 4321 } })
      },
      stop: () => {
        hosting = { state: 'stopped' }
        return Promise.resolve(hosting)
      },
      status: () => hosting,
    },
    ...overrides,
  }
  return { platform: createPlatformService(deps), calls, recent }
}

describe('platform service', () => {
  it('reports the app name, version and OS', async () => {
    expect(await service().platform['app:info'](undefined)).toEqual({
      name: 'Hamish',
      version: '0.1.0',
      os: 'linux',
    })
  })

  it('has no startup article unless one was named', async () => {
    expect(await service().platform['article:startup'](undefined)).toBeNull()
    const { platform, calls } = service({ startupArticlePath: () => '/home/r/paper.md' })
    expect(await platform['article:startup'](undefined)).toEqual(opened)
    expect(calls.loaded).toEqual(['/home/r/paper.md'])
  })

  it('rejects with the reader’s one-line message when the startup article is bad', async () => {
    const { platform } = service({
      startupArticlePath: () => '/home/r/empty.md',
      loadArticleFile: () =>
        Promise.reject(
          new HamishError('cannot import "/home/r/empty.md": it is empty.', ExitCode.dataError),
        ),
    })
    await expect(platform['article:startup'](undefined)).rejects.toThrow(
      /^Cannot import "\/home\/r\/empty.md": it is empty\.$/,
    )
  })

  it('opens the picked article, offering only supported types', async () => {
    const { platform, calls } = service()
    expect(await platform['article:open'](undefined)).toEqual(opened)
    expect(calls.loaded).toEqual(['/home/r/papers/paper.md'])
    const extensions = calls.openOptions[0]?.filters?.[0]?.extensions
    expect(extensions).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'docx', 'pdf']))
    expect(calls.openOptions[0]?.defaultPath).toBe('/home/r/Documents')
    await platform['article:open'](undefined)
    expect(calls.openOptions[1]?.defaultPath).toBe('/home/r/papers')
  })

  it('resolves to null when the user cancels opening', async () => {
    const { platform, calls } = service({
      dialog: {
        showOpenDialog: (() =>
          Promise.resolve({
            canceled: true,
            filePaths: [],
          })) as PlatformServiceDeps['dialog']['showOpenDialog'],
        showSaveDialog: (() =>
          Promise.resolve({
            canceled: true,
            filePath: '',
          })) as PlatformServiceDeps['dialog']['showSaveDialog'],
      },
    })
    expect(await platform['article:open'](undefined)).toBeNull()
    expect(
      await platform['file:save-text']({
        suggestedName: 'n.md',
        mimeType: 'text/markdown',
        text: 'x',
      }),
    ).toBeNull()
    expect(calls.loaded).toEqual([])
    expect(calls.written).toEqual([])
  })

  it('saves where the user chose, suggesting the name in their documents', async () => {
    const { platform, calls } = service()
    const saved = await platform['file:save-text']({
      suggestedName: 'notes.md',
      mimeType: 'text/markdown',
      text: '# ن',
    })
    expect(saved).toEqual({ location: '/home/r/out/notes.md' })
    expect(calls.written).toEqual([['/home/r/out/notes.md', '# ن']])
    expect(calls.saveOptions[0]?.defaultPath).toBe('/home/r/Documents/notes.md')
    expect(calls.saveOptions[0]?.filters?.[0]).toEqual({ name: 'MD file', extensions: ['md'] })
  })

  it('passes on a failed write as the writer worded it', async () => {
    const { platform } = service({
      writeTextFile: () =>
        Promise.reject(
          new Error('Could not save "notes.md": the disk holding /home/r/out is full.'),
        ),
    })
    await expect(
      platform['file:save-text']({
        suggestedName: 'notes.md',
        mimeType: 'text/markdown',
        text: 'x',
      }),
    ).rejects.toThrow('the disk holding /home/r/out is full')
  })
})

describe('the desktop shell’s own channels', () => {
  const gone = (path: string) =>
    new HamishError(`cannot import "${path}": there is no such file.`, ExitCode.noInput, {
      cause: Object.assign(new Error('ENOENT'), { code: 'ENOENT' }),
    })

  it('follows the renderer’s language in its dialogs', async () => {
    const { platform, calls } = service()
    expect(await platform['ui:set-language']({ language: 'ar' })).toBeNull()
    expect(calls.languages).toEqual(['ar'])
    await platform['article:open'](undefined)
    expect(calls.openOptions[0]?.title).toBe('افتح مقالًا')
  })

  it('opens a dropped file through the same reader, remembers it and forwards progress', async () => {
    const { platform, calls, recent } = service({
      loadArticleFile: (path, options) => {
        calls.loaded.push(path)
        options?.onProgress?.({ done: 1, total: 3 })
        return Promise.resolve(opened)
      },
    })
    expect(await platform['article:open-dropped']({ path: '/home/r/papers/thesis.pdf' })).toEqual(
      opened,
    )
    expect(calls.loaded).toEqual(['/home/r/papers/thesis.pdf'])
    expect(calls.progress).toEqual([{ fileName: 'thesis.pdf', done: 1, total: 3 }])
    expect(recent.has('/home/r/papers/thesis.pdf')).toBe(true)
  })

  it('does not remember a file that failed to open', async () => {
    const { platform, recent } = service({
      loadArticleFile: (path) => Promise.reject(gone(path)),
    })
    await expect(platform['article:open-dropped']({ path: '/home/r/x.md' })).rejects.toThrow(
      /no such file/,
    )
    expect(recent.has('/home/r/x.md')).toBe(false)
  })

  it('opens only entries of its own recent list', async () => {
    const { platform, calls } = service()
    await expect(platform['article:open-recent']({ path: '/etc/passwd' })).rejects.toThrow(
      'Hamish refused to open "passwd": it is not in the recent articles list.',
    )
    expect(calls.loaded).toEqual([])
    expect(await platform['article:open-recent']({ path: '/home/r/old.md' })).toEqual(opened)
  })

  it('takes a vanished recent article off the list, saying so in the UI language', async () => {
    const { platform, recent } = service({ loadArticleFile: (path) => Promise.reject(gone(path)) })
    await platform['ui:set-language']({ language: 'ar' })
    await expect(platform['article:open-recent']({ path: '/home/r/old.md' })).rejects.toThrow(
      'تعذّر فتح «old.md»: لم يعد في /home/r (نُقل أو أُعيدت تسميته أو حُذف)، فأُزيل من قائمة المقالات الأخيرة.',
    )
    expect(recent.has('/home/r/old.md')).toBe(false)
  })

  it('keeps a recent article that failed for another reason', async () => {
    const { platform, recent } = service({
      loadArticleFile: (path) =>
        Promise.reject(new DocumentImportError(path, { kind: 'no-text-layer' })),
    })
    await expect(platform['article:open-recent']({ path: '/home/r/old.md' })).rejects.toThrow(
      /^Could not open “old.md”: this PDF has no text layer \(it is probably a scan\)/,
    )
    expect(recent.has('/home/r/old.md')).toBe(true)
  })
})

describe('hosting a seminar', () => {
  it('hands the request to the hosting service and reports its status', async () => {
    const { platform, calls } = service()
    expect(await platform['seminar:hosting-status'](undefined)).toEqual({ state: 'stopped' })
    const request: HostSeminarRequest = {
      title: 'Week 3',
      settings: { postBeforeSeeing: false, anonymousToPeers: true },
      article: opened.article,
    }
    expect(await platform['seminar:host'](request)).toEqual({
      ok: false,
      problem: { kind: 'port-in-use', port: 4321 },
    })
    expect(calls.hosted).toEqual([request])
    expect(await platform['seminar:hosting-status'](undefined)).toMatchObject({ state: 'hosting' })
    expect(await platform['seminar:stop-hosting'](undefined)).toEqual({ state: 'stopped' })
    expect(await platform['seminar:hosting-status'](undefined)).toEqual({ state: 'stopped' })
  })
})

describe('articleErrorMessage', () => {
  it('words a refused Word or PDF file in the UI language', () => {
    const encrypted = new DocumentImportError('/home/r/a.pdf', {
      kind: 'password-protected',
      format: 'pdf',
    })
    expect(articleErrorMessage('/home/r/a.pdf', encrypted, 'ar')).toBe(
      'تعذّر فتح «a.pdf»: الملف محميّ بكلمة مرور. افتحه في قارئ PDF واحفظ نسخة بلا كلمة مرور، ثم افتح النسخة.',
    )
    expect(articleErrorMessage('/home/r/a.pdf', encrypted, 'en')).toBe(
      'Could not open “a.pdf”: it is protected by a password: open it in a PDF reader, save a copy without the password, and open that.',
    )
  })

  it('calls an unexpected error a bug, naming the file', () => {
    expect(articleErrorMessage('/home/r/paper.md', new TypeError('x is undefined'))).toBe(
      'Hamish could not open "paper.md" (x is undefined); please report this bug.',
    )
  })
})

describe('platform service: annotation files and binary exports', () => {
  const folder = mkdtempSync(nodePath.join(tmpdir(), 'hamish-open-text-'))
  const chosen = (path: string | null): Partial<PlatformServiceDeps> => ({
    dialog: {
      showOpenDialog: (() =>
        Promise.resolve(
          path === null
            ? { canceled: true, filePaths: [] }
            : { canceled: false, filePaths: [path] },
        )) as PlatformServiceDeps['dialog']['showOpenDialog'],
      showSaveDialog: (() =>
        Promise.resolve({
          canceled: false,
          filePath: '/home/r/out/all.zip',
        })) as PlatformServiceDeps['dialog']['showSaveDialog'],
    },
  })

  it('reads the annotation file the user picks, as UTF-8', async () => {
    const path = nodePath.join(folder, 'notes.json')
    writeFileSync(path, '{"rows": [], "note": "هامش"}')
    const { platform } = service(chosen(path))
    expect(await platform['file:open-text']({ kind: 'annotations' })).toEqual({
      fileName: 'notes.json',
      text: '{"rows": [], "note": "هامش"}',
    })
  })

  it('refuses a file over the limit without reading it, and gives null on cancel', async () => {
    const path = nodePath.join(folder, 'huge.json')
    writeFileSync(path, '')
    truncateSync(path, MAX_OPEN_TEXT_BYTES + 1)
    await expect(
      service(chosen(path)).platform['file:open-text']({ kind: 'annotations' }),
    ).rejects.toThrow(/"huge\.json" is 40\.0 MB, larger than the 40 MB Hamish reads/)
    expect(await service(chosen(null)).platform['file:open-text']({ kind: 'annotations' })).toBe(
      null,
    )
  })

  it('writes exported bytes where the user chose, whole', async () => {
    const written: [string, Uint8Array][] = []
    const { platform } = service({
      ...chosen(null),
      writeBytesFile: (path, bytes) => {
        written.push([path, bytes])
        return Promise.resolve()
      },
    })
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4])
    expect(
      await platform['file:save-bytes']({
        suggestedName: 'all.zip',
        mimeType: 'application/zip',
        bytes,
      }),
    ).toEqual({ location: '/home/r/out/all.zip' })
    expect(written).toEqual([['/home/r/out/all.zip', bytes]])
  })
})
