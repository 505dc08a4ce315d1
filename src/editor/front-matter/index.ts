export { FrontMatter } from './front-matter'
export type { FrontMatterOptions } from './front-matter'
