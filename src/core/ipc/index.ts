export * from './contract'
export type { HamishBridge } from './bridge'
