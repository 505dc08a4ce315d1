import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { bundleForTests } from '../test-support/test-bundle'
import { connectClient, type SyncClient } from './test-support/sync-client'

/*
 * "A restart loses nothing that was acknowledged", with the server killed outright (SIGKILL):
 * no shutdown hook runs, no debounced store, no compaction. Only the append made before each
 * acknowledgement can bring the changes back.
 */

let bundle: string
const temp = mkdtempSync(join(tmpdir(), 'hamish-crash-'))
const dataDir = join(temp, 'data')
const webRoot = join(temp, 'web')
const clients: SyncClient[] = []

beforeAll(async () => {
  mkdirSync(dataDir)
  mkdirSync(webRoot)
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Hamish</title>')
  bundle = await bundleForTests(
    'src/server/seminar/test-support/seminar-server-process.ts',
    'seminar-server-process',
  )
}, 60_000)

afterAll(() => {
  for (const client of clients) client.destroy()
  rmSync(temp, { recursive: true, force: true })
})

interface ServerProcess {
  child: ChildProcess
  url: string
}

async function startServer(): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bundle, dataDir, webRoot], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n')[0]
      if (stdout.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url)
    })
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)))
  })
  return { child, url }
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

function connect(server: ServerProcess, name: string, token: string): SyncClient {
  const client = connectClient(`${server.url.replace(/^http/, 'ws')}sync`, name, token)
  clients.push(client)
  return client
}

describe('a server killed without warning', () => {
  it('comes back with every acknowledged change', async () => {
    const first = await startServer()
    const seminar = await post<CreateSeminarResponse>(`${first.url}api/seminars`, { title: 'x' })
    const student = await post<JoinSeminarResponse>(
      `${first.url}api/seminars/${seminar.seminarId}/join`,
      { code: seminar.joinCode, name: 'Hiba' },
    )
    const name = `seminar:${seminar.seminarId}:user:${student.userId}:class`
    const writer = connect(first, name, student.token)
    await writer.synced()
    for (let i = 0; i < 50; i++) {
      writer.doc.getMap('annotations').set(`a${i}`, { body: `تعليق ${i}` })
    }
    writer.doc.getText('draft').insert(0, 'الملحق العسكري')
    await writer.acknowledged()

    // Still connected: the store on the last disconnect does not get its chance either.
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    expect(await exited).toBe(null)
    writer.destroy()

    const second = await startServer()
    try {
      const reader = connect(second, name, seminar.instructorToken)
      expect(await reader.outcome).toEqual({ ok: true, scope: 'readonly' })
      await reader.synced()
      expect(reader.doc.getMap('annotations').size).toBe(50)
      expect(reader.doc.getMap('annotations').get('a49')).toEqual({ body: 'تعليق 49' })
      expect(reader.doc.getText('draft').toString()).toBe('الملحق العسكري')
    } finally {
      second.child.kill('SIGTERM')
    }
  })
})
