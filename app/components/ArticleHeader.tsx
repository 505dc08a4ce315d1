import { useTranslation } from 'react-i18next'
import type { ArticleMeta } from '../../src/core/article/article-doc'

/** Title and authors of the open article, in the article's own language and direction. */
export function ArticleHeader({ meta }: { meta: ArticleMeta }) {
  const { t } = useTranslation()
  return (
    <div className="article-header" lang={meta.language}>
      <p className="article-header-title" dir="auto" data-testid="article-title">
        {meta.title}
      </p>
      {meta.authors.length > 0 && (
        <p className="article-header-authors" dir="auto">
          <span className="visually-hidden">{t('authorsLabel')}: </span>
          {meta.authors.join(meta.language === 'ar' ? '، ' : ', ')}
        </p>
      )}
    </div>
  )
}
