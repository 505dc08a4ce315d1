/*
 * What the page-side scripts under bench/pages/ put on `window.hamishBench`, typed for both
 * sides: each script is bundled by esbuild and injected into the page; the benchmark calls it
 * through `callInPage` (bench/browser/page-call.ts).
 */

/** When the reader counts as interactive. */
export interface ReadyCondition {
  /** The element that must be visible, e.g. the article's title. */
  readonly visibleSelector: string
  /** The element whose text must contain every marker. */
  readonly textSelector: string
  /** Short pieces from the start, middle and end of the article: all there, all of it is. */
  readonly markers: readonly string[]
  /** Distinct `[data-annotation-id]` values that must be rendered inside `textSelector`. */
  readonly minHighlights: number
}

/** Milliseconds from navigation start to the first frame where each part held; null until then. */
export interface ReadyMilestones {
  /** The title visible and the whole text present. */
  readonly shown: number | null
  /** That, and every highlight rendered: the whole condition. */
  readonly ready: number | null
  /**
   * Known once `ready` is: the first frame by which every highlight and comment card in the
   * first screen had been rendered (what the reader sees without scrolling); `shown` when the
   * condition asks for no highlights.
   */
  readonly interactive: number | null
  /**
   * Known once `ready` is: the longest task (Long Tasks API) that began after `interactive` and
   * ended before the frame in which the probe found every highlight, 0 when none took 50 ms;
   * null where the browser does not report long tasks.
   */
  readonly longestTaskWhileDrawing: number | null
}

export interface ReadyProbeApi {
  /** Checks the condition on every animation frame from now on, until it holds. */
  installReadyProbe(condition: ReadyCondition): void
  milestones(): ReadyMilestones
}

export interface StoredDatabase {
  readonly name: string
  /** y-indexeddb `updates` entries, base64. */
  readonly updates: readonly string[]
  /** Entries of its `custom` store, by key, as the app keeps them there. */
  readonly custom?: Readonly<Record<string, unknown>>
}

export interface PrefillApi {
  /** Writes the databases as y-indexeddb lays them out, and localStorage entries. */
  prefill(
    databases: readonly StoredDatabase[],
    localStorage: Readonly<Record<string, string>>,
  ): Promise<void>
}

export interface FrameTimes {
  /** Time between successive animation frames while scrolling, ms. */
  readonly deltas: readonly number[]
  /** Pixels actually scrolled: zero would mean nothing scrolled. */
  readonly scrolled: number
}

export interface ReaderProbeApi {
  /** Selects the start of the first long paragraph of the article, as a reader dragging would. */
  selectPassage(textSelector: string, length: number): boolean
  /** Starts timing each keystroke: from the keydown to the first task after the next frame. */
  startKeystrokeTiming(): void
  /** Stops timing, once the last frame is out: one latency per keystroke that changed the text, ms. */
  stopKeystrokeTiming(): Promise<number[]>
  /** Scrolls the reading area `step` pixels a frame for `durationMs`, timing every frame. */
  scrollFrames(textSelector: string, durationMs: number, step: number): Promise<FrameTimes>
  /** `performance.memory.usedJSHeapSize` after a full garbage collection; null where unavailable. */
  heapAfterGc(): Promise<number | null>
  /** Whether the focused element is a text area (the comment composer). */
  textAreaFocused(): boolean
}

export interface StorageProbeApi {
  /** Opens each document with y-indexeddb and waits for `whenSynced`; ms and annotations seen. */
  reopenWithYIndexedDb(names: readonly string[]): Promise<{ ms: number; annotations: number }>
  /** Reads every stored update of each database raw, with no Yjs; ms and bytes read. */
  readRaw(names: readonly string[]): Promise<{ ms: number; bytes: number }>
}

export type HamishBenchApi = ReadyProbeApi & PrefillApi & ReaderProbeApi & StorageProbeApi

declare global {
  interface Window {
    hamishBench?: Partial<HamishBenchApi>
  }
}
