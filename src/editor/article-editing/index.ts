export { ArticleEditing, articleEditingKey } from './article-editing'
export type { ArticleEditingOptions } from './article-editing'
