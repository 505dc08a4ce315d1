/**
 * The key a Ctrl/Cmd shortcut was pressed with, lower-cased, whatever the keyboard layout. With
 * an Arabic layout, Ctrl with the key marked Z reports `ئ` and the key marked / reports `ظ`, so
 * reading `event.key` alone left the reader's undo and help shortcuts dead. A key that types a
 * non-Latin character is read by its place on a US keyboard instead, as ProseMirror's keymaps
 * read the article's own shortcuts; a Latin layout's own letters (AZERTY, Dvorak) stay as typed.
 */
export function shortcutKey(event: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  if (key.length !== 1 || isAscii(key)) return key
  return US_PLACES[event.code] ?? letterOf(event.code) ?? key
}

function isAscii(char: string): boolean {
  return char.charCodeAt(0) < 0x80
}

/** `KeyZ` → `z`. */
function letterOf(code: string): string | undefined {
  return /^Key[A-Z]$/.test(code) ? code.slice(3).toLowerCase() : undefined
}

/** The punctuation keys a shortcut of ours uses, by their `code`. */
const US_PLACES: Readonly<Record<string, string>> = {
  Slash: '/',
}
