import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { respondWithAsset } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

let base: string
let webRoot: string
beforeAll(async () => {
  base = await mkdtemp(nodePath.join(tmpdir(), 'hamish-web-'))
  webRoot = nodePath.join(base, 'web')
  await mkdir(nodePath.join(webRoot, 'assets'), { recursive: true })
  await writeFile(nodePath.join(webRoot, 'index.html'), '<!doctype html><title>Hamish</title>')
  await writeFile(nodePath.join(webRoot, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(nodePath.join(base, 'secret.txt'), 'secret')
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string) => respondWithAsset(webRoot, { method: 'GET', url })

describe('respondWithAsset', () => {
  it('serves index.html for the app root, with the CSP', async () => {
    const response = await get('app://hamish/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>Hamish</title>')
  })

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://hamish/assets/app.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers 404 for missing files and other hosts', async () => {
    expect((await get('app://hamish/missing.js')).status).toBe(404)
    expect((await get('app://hamish/assets')).status).toBe(404)
    expect((await get('app://other/index.html')).status).toBe(404)
  })

  it('never serves a file outside the web root', async () => {
    for (const url of [
      'app://hamish/..%2Fsecret.txt',
      'app://hamish/%2e%2e%2fsecret.txt',
      'app://hamish/../secret.txt',
    ]) {
      const response = await get(url)
      expect(response.status).not.toBe(200)
      expect(await response.text()).not.toBe('secret')
    }
  })

  it('serves only GET and HEAD', async () => {
    expect((await respondWithAsset(webRoot, { method: 'POST', url: 'app://hamish/' })).status).toBe(
      405,
    )
    const head = await respondWithAsset(webRoot, { method: 'HEAD', url: 'app://hamish/' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
