/** What one call on the annotation store does; one operation is one step of undo. */
export type AnnotationOperationKind =
  'create' | 'reply' | 'edit' | 'visibility' | 'resolve' | 'reopen' | 'delete'

export interface AnnotationOperation {
  /** Increases with every operation of one store. */
  readonly seq: number
  readonly kind: AnnotationOperationKind
  readonly annotationId: string
}

/**
 * The transaction origin of every write the local user makes through the store: undo tracks
 * exactly this origin, so changes that arrive from other replicas (the same user on another
 * device, a sync provider) are never undone locally.
 */
export class AnnotationWriteOrigin {
  constructor(readonly userId: string) {}
}
