/** English UI strings; the Arabic file must have exactly these keys (checked by its type). */
export const en = {
  appName: 'Hamish',
  skipToArticle: 'Skip to the article',
  loading: 'Opening the article…',
  loadFailedTitle: 'The article could not be opened',
  retry: 'Try again',
  openBuiltIn: 'Open the built-in article',
  dismiss: 'Dismiss',
  toolbarLabel: 'Reading controls',
  openArticle: 'Open article…',
  showOutline: 'Show outline',
  hideOutline: 'Hide outline',
  outline: 'Outline',
  outlineEmpty: 'This article has no headings.',
  textSmaller: 'Smaller text',
  textLarger: 'Larger text',
  textSize: 'Text size {{percent}}%',
  themeToDark: 'Switch to the dark theme',
  themeToLight: 'Switch to the light theme',
  switchLanguage: 'العربية',
  switchLanguageLabel: 'Switch the interface to Arabic',
  articleLabel: 'Article text',
  authorsLabel: 'Authors',
  frontMatterLabel: 'Publisher’s notice and licence',
  openFailed: 'Could not open “{{fileName}}”: {{reason}}',
  problemUnsupported:
    'this kind of file is not supported. Open a text (.txt), Markdown (.md) or HTML (.html) file.',
  problemTooLarge: 'it is larger than {{limit}} MB.',
  problemBinary: 'it is not a text file.',
  problemEmpty: 'it is empty.',
  problemUnknown: 'an unexpected error occurred ({{detail}}).',
}

export type Messages = typeof en
export type MessageKey = keyof Messages
