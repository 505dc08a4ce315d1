/** A list number written at the start of a line: «١-», «٢ -», «1.», «3)». */
export interface NumberLabel {
  value: number
}

const DIGITS = '0-9\u0660-\u0669\u06f0-\u06f9'
// At most three digits, so a year ("2020-2021") is not taken for a list number, and no digit
// right after the separator, so a range ("4-3") or a decimal ("1.5") is not either.
const LEADING_LABEL = new RegExp(`^([${DIGITS}]{1,3})\\s*[-.)\u2013](?![${DIGITS}])`, 'u')

export function leadingNumberLabel(text: string): NumberLabel | null {
  const digits = LEADING_LABEL.exec(text)?.[1]
  return digits === undefined ? null : { value: numberFromDigits(digits) }
}

/** The value of a run of ASCII, Arabic-Indic or Extended Arabic-Indic (Persian) digits. */
export function numberFromDigits(digits: string): number {
  let value = 0
  for (const char of digits) {
    const code = char.codePointAt(0) ?? 0
    const digit =
      code >= 0x0660 && code <= 0x0669
        ? code - 0x0660
        : code >= 0x06f0 && code <= 0x06f9
          ? code - 0x06f0
          : code - 0x30
    value = value * 10 + digit
  }
  return value
}
