/** Problems of the reading workspace itself, as keys of the UI's messages. */
export type WorkspaceProblemKey = 'selectFirst' | 'annotationsNotReady'

/**
 * A refusal by the reading workspace (nothing selected, the annotations not open yet). Carries
 * the message's key rather than its words, so that it is worded in the language of the moment it
 * is shown: a reader may switch languages while it is on screen.
 */
export class WorkspaceProblem extends Error {
  override readonly name = 'WorkspaceProblem'

  constructor(readonly key: WorkspaceProblemKey) {
    super(key)
  }
}
