export type AnnotationImportProblem = 'too-large' | 'malformed-json' | 'wrong-shape'

/** The whole file was refused: nothing in it was imported. The message says why, in English. */
export class AnnotationImportError extends Error {
  override readonly name = 'AnnotationImportError'

  constructor(
    readonly problem: AnnotationImportProblem,
    message: string,
  ) {
    super(message)
  }
}
