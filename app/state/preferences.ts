import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import {
  HighlightColor as HighlightColorSchema,
  type HighlightColor,
} from '../../src/core/annotations/annotation'
import { isUiLanguage, systemUiLanguage, type UiLanguage } from '../i18n/ui-language'

/** The reader's preferences: the app's one piece of state that outlives a window. */
export interface Preferences {
  language: UiLanguage
  theme: 'light' | 'dark'
  /** Article text size, in percent of the default. */
  fontScale: number
  outlineOpen: boolean
  /** Which side panel shows when the side panel is open. */
  sidePanel: SidePanel
  /** The reader's highlight colour: the last one they chose. */
  highlightColor: HighlightColor
}

export type SidePanel = 'outline' | 'annotations' | 'notebook' | 'members'

export const FONT_SCALE = { min: 80, max: 160, step: 10 } as const

const STORAGE_KEY = 'hamish.preferences.v1'

const StoredPreferences = z
  .object({
    language: z.string().refine(isUiLanguage),
    theme: z.enum(['light', 'dark']),
    fontScale: z.number().int().min(FONT_SCALE.min).max(FONT_SCALE.max),
    outlineOpen: z.boolean(),
    sidePanel: z.enum(['outline', 'annotations', 'notebook', 'members']),
    highlightColor: HighlightColorSchema,
  })
  .partial()

function defaults(): Preferences {
  return {
    language: systemUiLanguage(navigator.languages ?? [navigator.language]),
    theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    fontScale: 100,
    outlineOpen: matchMedia('(min-width: 900px)').matches,
    sidePanel: 'outline',
    highlightColor: 'yellow',
  }
}

function load(): Preferences {
  const base = defaults()
  try {
    const parsed = StoredPreferences.safeParse(
      JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'),
    )
    // A damaged or older entry must not stop the app from opening: keep what is valid.
    return parsed.success ? { ...base, ...(parsed.data as Partial<Preferences>) } : base
  } catch {
    return base
  }
}

let current: Preferences | undefined
const listeners = new Set<() => void>()

export function getPreferences(): Preferences {
  current ??= load()
  return current
}

export function updatePreferences(change: Partial<Preferences>): void {
  current = { ...getPreferences(), ...change }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current))
  } catch {
    // Storage full or disabled (private mode): the change still applies to this window.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, getPreferences)
}

export function clampFontScale(value: number): number {
  return Math.min(FONT_SCALE.max, Math.max(FONT_SCALE.min, value))
}
