export * from './contract'
export type { DesktopShellBridge, HamishBridge, PlatformBridge } from './bridge'
