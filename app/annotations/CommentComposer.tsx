import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SUGGESTED_TAGS, type Visibility } from '../../src/core/annotations/annotation'
import { describeAnnotationError } from './describe-annotation-error'

export interface ComposerValue {
  body: string
  tags: string[]
  visibility: Visibility
}

interface CommentComposerProps {
  /** 'comment' for a new thread (tags and visibility), 'reply' or 'edit' for the rest. */
  mode: 'comment' | 'reply' | 'edit'
  initial?: Partial<ComposerValue>
  /** Offer the visibility choice: a new comment, or editing a thread's first comment. */
  withVisibility?: boolean
  onSave: (value: ComposerValue) => void
  onCancel: () => void
}

function splitTags(text: string): string[] {
  return text.split(/[\s,،]+/u).filter((tag) => tag !== '')
}

/**
 * Writing a comment or reply: Markdown in a plain text area (so nothing typed can run),
 * Ctrl/⌘+Enter saves, Escape cancels. A refused save keeps the text and says why.
 */
export function CommentComposer({
  mode,
  initial,
  withVisibility = mode === 'comment',
  onSave,
  onCancel,
}: CommentComposerProps) {
  const { t } = useTranslation()
  const id = useId()
  const [body, setBody] = useState(initial?.body ?? '')
  const [tagText, setTagText] = useState((initial?.tags ?? []).map((tag) => `#${tag}`).join(' '))
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? 'class')
  // Why the last save was refused, worded when shown (see describeAnnotationError).
  const [refusal, setRefusal] = useState<{ reason: unknown } | null>(null)
  const bodyField = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    // Not `autoFocus`: the margin shows a new card only once it has been placed (it mounts
    // hidden), and a hidden field cannot take focus. A frame later it is where it belongs.
    const frame = requestAnimationFrame(() => bodyField.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [])

  const save = () => {
    try {
      onSave({ body, tags: splitTags(tagText), visibility })
    } catch (reason) {
      setRefusal({ reason })
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      save()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    }
  }

  const toggleTag = (tag: string) => {
    const tags = splitTags(tagText).map((value) => value.replace(/^#/u, ''))
    const next = tags.includes(tag) ? tags.filter((value) => value !== tag) : [...tags, tag]
    setTagText(next.map((value) => `#${value}`).join(' '))
  }

  return (
    <div className="composer" onKeyDown={onKeyDown} data-testid="composer">
      <label className="field-label" htmlFor={`${id}-body`}>
        {mode === 'reply' ? t('replyLabel') : t('commentLabel')}
      </label>
      <textarea
        id={`${id}-body`}
        className="composer-body"
        dir="auto"
        rows={mode === 'reply' ? 2 : 4}
        ref={bodyField}
        value={body}
        aria-describedby={`${id}-hint`}
        aria-invalid={refusal !== null}
        onChange={(event) => {
          setBody(event.target.value)
          setRefusal(null)
        }}
      />
      {mode !== 'reply' && (
        <>
          <label className="field-label" htmlFor={`${id}-tags`}>
            {t('tagsLabel')}
          </label>
          <input
            id={`${id}-tags`}
            className="composer-tags"
            dir="auto"
            value={tagText}
            placeholder={t('tagsHint')}
            onChange={(event) => setTagText(event.target.value)}
          />
          <div className="tag-suggestions" role="group" aria-label={t('suggestedTags')}>
            {SUGGESTED_TAGS.map((tag) => {
              // The tag keeps its (shared) name in both languages; what it is for is said in the
              // interface's language.
              const label = t('suggestedTag', { tag: `#${tag}`, purpose: t(`tagPurpose_${tag}`) })
              return (
                <button
                  key={tag}
                  type="button"
                  className="chip"
                  // Its own direction, as a tag on a card: inheriting the Arabic interface's
                  // right to left, "#question" was laid out "question#".
                  dir="auto"
                  aria-label={label}
                  title={label}
                  aria-pressed={
                    splitTags(tagText).includes(`#${tag}`) || splitTags(tagText).includes(tag)
                  }
                  onClick={() => toggleTag(tag)}
                >
                  #{tag}
                </button>
              )
            })}
          </div>
        </>
      )}
      {withVisibility && (
        <>
          <label className="field-label" htmlFor={`${id}-visibility`}>
            {t('visibilityLabel')}
          </label>
          <select
            id={`${id}-visibility`}
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as Visibility)}
          >
            <option value="class">{t('visibility_class')}</option>
            <option value="instructors">{t('visibility_instructors')}</option>
            <option value="private">{t('visibility_private')}</option>
          </select>
        </>
      )}
      {refusal !== null && (
        <p className="composer-error" role="alert">
          {describeAnnotationError(t, refusal.reason)}
        </p>
      )}
      <p id={`${id}-hint`} className="composer-hint">
        {t('saveHint')}
      </p>
      <div className="composer-actions">
        <button type="button" className="tool tool-primary" onClick={save}>
          {t('save')}
        </button>
        <button type="button" className="tool" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  )
}
