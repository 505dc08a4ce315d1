export { selectionRange, trimmedTextRange } from './selection-range'
export type { SelectionRange } from './selection-range'
