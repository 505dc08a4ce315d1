import { describe, expect, it } from 'vitest'
import type { IpcEventPayload } from '../../src/core/ipc/contract'
import { sendIpcEvent } from './ipc-events'

function target(destroyed = false) {
  const sent: [string, unknown][] = []
  return {
    sent,
    contents: {
      send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
      isDestroyed: () => destroyed,
    },
  }
}

describe('sendIpcEvent', () => {
  it('sends a valid event', () => {
    const { sent, contents } = target()
    expect(sendIpcEvent(contents, 'menu:command', { command: 'zoom-in' })).toBe(true)
    expect(
      sendIpcEvent(contents, 'article:import-progress', { fileName: 'a.pdf', done: 1, total: 2 }),
    ).toBe(true)
    expect(sent).toEqual([
      ['menu:command', { command: 'zoom-in' }],
      ['article:import-progress', { fileName: 'a.pdf', done: 1, total: 2 }],
    ])
  })

  it('logs and drops an invalid one instead of sending it', () => {
    const { sent, contents } = target()
    const logged: string[] = []
    const bad = {
      command: 'open-recent-article',
      path: 'relative.md',
    } as IpcEventPayload<'menu:command'>
    expect(sendIpcEvent(contents, 'menu:command', bad, (message) => logged.push(message))).toBe(
      false,
    )
    expect(sent).toEqual([])
    expect(logged[0]).toMatch(/^Hamish did not send an invalid "menu:command" event/)
  })

  it('sends nothing to a closed window', () => {
    const { sent, contents } = target(true)
    expect(sendIpcEvent(contents, 'menu:command', { command: 'zoom-in' })).toBe(false)
    expect(sendIpcEvent(null, 'menu:command', { command: 'zoom-in' })).toBe(false)
    expect(sent).toEqual([])
  })
})
