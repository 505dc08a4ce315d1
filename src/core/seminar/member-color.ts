/**
 * Colours for members' carets, presence and names: dark enough for text on a light page (WCAG
 * AA, 4.5:1 on white) and far enough apart in hue to tell a dozen people apart.
 */
export const MEMBER_COLORS = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#047857',
  '#0f766e',
  '#0e7490',
  '#1d4ed8',
  '#4338ca',
  '#7c3aed',
  '#a21caf',
  '#be185d',
] as const

/** The same colour for a member on every device and in every document: derived from the id. */
export function memberColor(userId: string): string {
  // FNV-1a: cheap, and spreads ids that differ in one character across the palette.
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return MEMBER_COLORS[(hash >>> 0) % MEMBER_COLORS.length] as string
}
