export { BlockRole } from './block-role'
export type { BlockRoleOptions } from './block-role'
