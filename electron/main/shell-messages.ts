import type { ShellLanguage } from '../../src/core/ipc/contract'
import { describeDocumentProblem } from '../../src/server/article-file'
import type { DocumentFormat, DocumentProblem, SniffedContent } from '../../src/server/article-file'

/**
 * What the main process says to the user, in the renderer's UI language: menu labels and the
 * messages of the file operations it runs. The renderer's own strings live in `app/i18n`; the
 * main process keeps this small table apart so it does not depend on the renderer's bundle.
 */
export interface ShellMessages {
  appName: string
  menu: {
    file: string
    openArticle: string
    importAnnotations: string
    exportNotes: string
    recentArticles: string
    noRecentArticles: string
    clearRecentArticles: string
    close: string
    quit: string
    edit: string
    undo: string
    redo: string
    cut: string
    copy: string
    paste: string
    selectAll: string
    view: string
    textLarger: string
    textSmaller: string
    textReset: string
    toggleTheme: string
    language: string
    outline: string
    notebook: string
    window: string
    help: string
    about: string
    keyboardShortcuts: string
    services: string
    hide: string
    hideOthers: string
    showAll: string
    seminar: string
    hostSeminar: string
    joinSeminar: string
    leaveSeminar: string
  }
  dialogs: {
    openArticleTitle: string
    articleFiles: string
    saveTitle: string
    allFiles: string
    /** The save dialog's filter for the suggested name's type, e.g. "MD file". */
    fileOfType: (extension: string) => string
  }
  /** A recent article that is no longer where it was; it has been taken off the list. */
  recentArticleGone: (fileName: string, folder: string) => string
  /** Why a Word or PDF file could not be opened, as a whole sentence naming it. */
  documentProblem: (fileName: string, problem: DocumentProblem) => string
}

/** Each language's own name, the same in every menu, so a reader can always find their own. */
export const LANGUAGE_NAMES: Readonly<Record<ShellLanguage, string>> = {
  ar: 'العربية',
  en: 'English',
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

const en: ShellMessages = {
  appName: 'Hamish',
  menu: {
    file: 'File',
    openArticle: 'Open Article…',
    importAnnotations: 'Import Annotations…',
    exportNotes: 'Export…',
    recentArticles: 'Recent Articles',
    noRecentArticles: 'No Recent Articles',
    clearRecentArticles: 'Clear Recent Articles',
    close: 'Close Window',
    quit: 'Quit Hamish',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    textLarger: 'Larger Text',
    textSmaller: 'Smaller Text',
    textReset: 'Default Text Size',
    toggleTheme: 'Light or Dark Theme',
    language: 'Language',
    outline: 'Outline and Side Panel',
    notebook: 'Notebook',
    window: 'Window',
    help: 'Help',
    about: 'About Hamish',
    keyboardShortcuts: 'Keyboard Shortcuts',
    services: 'Services',
    hide: 'Hide Hamish',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    seminar: 'Seminar',
    hostSeminar: 'Host a Seminar on This Computer…',
    joinSeminar: 'Join a Seminar…',
    leaveSeminar: 'Leave the Seminar',
  },
  dialogs: {
    openArticleTitle: 'Open an article',
    articleFiles: 'Articles',
    saveTitle: 'Save',
    allFiles: 'All files',
    fileOfType: (extension) => `${extension.toUpperCase()} file`,
  },
  recentArticleGone: (fileName, folder) =>
    `Could not open “${fileName}”: it is no longer in ${folder} (moved, renamed or deleted), so it has been taken off Recent Articles.`,
  // The server's English wording is the CLI's; only the opening differs.
  documentProblem: (fileName, problem) =>
    `Could not open “${fileName}”: ${describeDocumentProblem(problem)}`,
}

const ar: ShellMessages = {
  appName: 'هامش',
  menu: {
    file: 'ملف',
    openArticle: 'افتح مقالًا…',
    importAnnotations: 'استورد تعليقات توضيحية…',
    exportNotes: 'صدّر…',
    recentArticles: 'المقالات الأخيرة',
    noRecentArticles: 'لا مقالات أخيرة',
    clearRecentArticles: 'امسح قائمة المقالات الأخيرة',
    close: 'أغلق النافذة',
    quit: 'أنهِ هامش',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'أعِد',
    cut: 'قصّ',
    copy: 'انسخ',
    paste: 'ألصق',
    selectAll: 'حدّد الكل',
    view: 'عرض',
    textLarger: 'كبّر النص',
    textSmaller: 'صغّر النص',
    textReset: 'الحجم الافتراضي للنص',
    toggleTheme: 'المظهر الفاتح أو الداكن',
    language: 'اللغة',
    outline: 'المخطط واللوحة الجانبية',
    notebook: 'الدفتر',
    window: 'نافذة',
    help: 'مساعدة',
    about: 'عن هامش',
    keyboardShortcuts: 'اختصارات لوحة المفاتيح',
    services: 'الخدمات',
    hide: 'أخفِ هامش',
    hideOthers: 'أخفِ الباقي',
    showAll: 'أظهر الكل',
    seminar: 'الحلقة الدراسية',
    hostSeminar: 'استضِف حلقة دراسية على هذا الحاسوب…',
    joinSeminar: 'انضمّ إلى حلقة دراسية…',
    leaveSeminar: 'غادِر الحلقة الدراسية',
  },
  dialogs: {
    openArticleTitle: 'افتح مقالًا',
    articleFiles: 'المقالات',
    saveTitle: 'احفظ',
    allFiles: 'كل الملفات',
    fileOfType: (extension) => `ملف ${extension.toUpperCase()}`,
  },
  recentArticleGone: (fileName, folder) =>
    `تعذّر فتح «${fileName}»: لم يعد في ${folder} (نُقل أو أُعيدت تسميته أو حُذف)، فأُزيل من قائمة المقالات الأخيرة.`,
  documentProblem: (fileName, problem) => {
    const start = `تعذّر فتح «${fileName}»`
    switch (problem.kind) {
      case 'too-large':
        return `${start}: حجمه ${megabytes(problem.bytes)} ميغابايت، وهذا يتجاوز الحد المسموح لمقالة Word أو PDF وهو ${problem.limitBytes / 1024 / 1024} ميغابايت.`
      case 'not-this-format':
        return `${start}: ليس ${formatNameAr[problem.format]} وإن دلّ اسمه على ذلك؛ ${actualContentAr[problem.content]}.`
      case 'password-protected':
        return `${start}: الملف محميّ بكلمة مرور. افتحه في ${problem.format === 'pdf' ? 'قارئ PDF' : 'Word أو LibreOffice'} واحفظ نسخة بلا كلمة مرور، ثم افتح النسخة.`
      case 'no-text-layer':
        return `${start}: ملف PDF هذا بلا طبقة نصية (غالبًا صورة ممسوحة ضوئيًا). مرّره أولًا على برنامج للتعرّف الضوئي على الحروف (OCR)، أو افتح نسخة نصية أو Word أو HTML من المقال.`
      case 'damaged':
        return `${start}: الملف تالف ولا يمكن قراءته (${problem.detail}).`
    }
  },
}

const formatNameAr: Readonly<Record<DocumentFormat, string>> = {
  docx: 'مستند Word ‏(‎.docx‏)',
  pdf: 'ملف PDF',
}

const actualContentAr: Readonly<Record<SniffedContent, string>> = {
  pdf: 'فهو ملف PDF، فغيّر امتداده إلى ‎.pdf',
  zip: 'فهو أرشيف ZIP من نوع آخر',
  ole: 'فهو مستند Word قديم (‎.doc): احفظه بصيغة ‎.docx في Word أو LibreOffice أولًا',
  text: 'فهو نص عادي، فغيّر امتداده إلى ‎.txt (أو ‎.md أو ‎.html)',
  unknown: 'افتحه في البرنامج الذي أنشأه واحفظه من جديد',
}

export const SHELL_MESSAGES: Readonly<Record<ShellLanguage, ShellMessages>> = { ar, en }

export function shellMessages(language: ShellLanguage): ShellMessages {
  return SHELL_MESSAGES[language]
}

/**
 * The first of the system's preferred languages that Hamish speaks, English otherwise: the
 * renderer starts from the same rule, and tells the shell when the reader picks another.
 */
export function shellLanguageFor(preferred: readonly string[]): ShellLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    if (primary === 'ar' || primary === 'en') return primary
  }
  return 'en'
}
