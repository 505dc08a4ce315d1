import type { Annotation } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { articlePlainText } from '../article/article-text'
import { firstStrongDirection } from '../article/bidi'
import { contentHash } from '../content-hash'
import { annotationIri, articleUrn, userIri } from './annotation-iri'
import { codePointOffsets, type CodePointOffsets } from './code-point-offsets'
import {
  W3C_CONTEXT,
  type W3CAgent,
  type W3CAnnotation,
  type W3CAnnotationCollection,
  type W3CMotivation,
  type W3CTextualBody,
} from './w3c-annotation'

export interface ToW3COptions {
  readonly article: ArticleDoc
  /** The annotated document's address; by default its source URL, else a URN of its content. */
  readonly articleUrl?: string | undefined
  /** A base IRI for annotation ids (the id is appended); by default `urn:uuid:` / `urn:hamish:`. */
  readonly baseId?: string | undefined
  readonly exporterVersion?: string | undefined
  readonly exportedAt?: Date | undefined
}

/**
 * Annotations as a W3C AnnotationCollection with one embedded page. Every item carries its own
 * `@context`, so each is a valid annotation on its own as well.
 */
export function toW3C(
  annotations: readonly Annotation[],
  options: ToW3COptions,
): W3CAnnotationCollection {
  const writer = w3cWriter(options)
  const items = annotations.map(writer.annotation)
  const collectionId = `${articleUrn(writer.articleHash)}:annotations`
  return {
    '@context': W3C_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.article.meta.title,
    total: items.length,
    ...(options.exportedAt ? { generated: options.exportedAt.toISOString() } : {}),
    ...(writer.generator ? { generator: writer.generator } : {}),
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

interface W3CWriter {
  readonly articleHash: string
  readonly generator: W3CAgent | undefined
  annotation(annotation: Annotation): W3CAnnotation
}

/** Writes single annotations against one article, whose text is read once. */
export function w3cWriter(options: ToW3COptions): W3CWriter {
  const text = articlePlainText(options.article.content)
  const articleHash = contentHash(text)
  const source = options.articleUrl ?? options.article.meta.sourceUrl ?? articleUrn(articleHash)
  const offsets = codePointOffsets(text)
  const generator: W3CAgent | undefined =
    options.exporterVersion === undefined
      ? undefined
      : { id: 'urn:hamish:software', type: 'Software', name: `hamish ${options.exporterVersion}` }

  return {
    articleHash,
    generator,
    annotation(annotation) {
      const motivation = motivationOf(annotation)
      const bodies = bodiesOf(annotation)
      return {
        '@context': W3C_CONTEXT,
        id: annotationIri(annotation.id, options.baseId),
        type: 'Annotation',
        motivation,
        creator: {
          id: userIri(annotation.author),
          type: 'Person',
          name: annotation.authorName,
        },
        ...timestamp('created', annotation.createdAt),
        ...timestamp('modified', annotation.updatedAt),
        ...(generator ? { generator } : {}),
        ...(bodies.length > 0 ? { body: bodies } : {}),
        target: targetOf(annotation, source, offsets, options.baseId),
        'hamish:color': annotation.color,
        'hamish:visibility': annotation.visibility,
        ...(annotation.resolved === undefined ? {} : { 'hamish:resolved': annotation.resolved }),
      }
    },
  }
}

function motivationOf(annotation: Annotation): W3CMotivation {
  switch (annotation.kind) {
    case 'highlight':
      return 'highlighting'
    case 'comment':
      return 'commenting'
    case 'reply':
      return 'replying'
  }
}

function bodiesOf(annotation: Annotation): W3CTextualBody[] {
  const bodies: W3CTextualBody[] = []
  if (annotation.body !== '') {
    bodies.push({
      type: 'TextualBody',
      value: annotation.body,
      purpose: annotation.kind === 'reply' ? 'replying' : 'commenting',
      format: 'text/markdown',
      ...languageOf(annotation.body),
    })
  }
  for (const tag of annotation.tags) {
    bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging', ...languageOf(tag) })
  }
  return bodies
}

/**
 * The language and direction of a text from its first strong character: Arabic for a
 * right-to-left letter, English for a left-to-right one. Text with no strong character (digits,
 * emoji) gets no language and direction `auto`.
 */
function languageOf(text: string): Pick<W3CTextualBody, 'language' | 'textDirection'> {
  const direction = firstStrongDirection(text)
  if (direction === null) return { textDirection: 'auto' }
  return { language: direction === 'rtl' ? 'ar' : 'en', textDirection: direction }
}

function targetOf(
  annotation: Annotation,
  source: string,
  offsets: CodePointOffsets,
  baseId: string | undefined,
): W3CAnnotation['target'] {
  const { anchor } = annotation
  if (annotation.kind === 'reply' && annotation.replyTo !== undefined) {
    return annotationIri(annotation.replyTo, baseId)
  }
  if (anchor === undefined) return source
  const { quote, position } = anchor
  return {
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        ...(quote.prefix === '' ? {} : { prefix: quote.prefix }),
        ...(quote.suffix === '' ? {} : { suffix: quote.suffix }),
      },
      {
        type: 'TextPositionSelector',
        start: offsets.toCodePoints(position.start),
        end: offsets.toCodePoints(position.end),
      },
    ],
    'hamish:articleHash': anchor.articleHash,
  }
}

/** An ISO 8601 timestamp with its zone, as the model requires; left out when it is not one. */
function timestamp<K extends 'created' | 'modified'>(
  key: K,
  value: string,
): Partial<Record<K, string>> {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return {}
  return { [key]: new Date(time).toISOString() } as Partial<Record<K, string>>
}
