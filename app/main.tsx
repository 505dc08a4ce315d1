// First: the modules imported after it build Zod schemas as they load.
import './platform/zod-without-eval'
import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/700.css'
import '@fontsource/noto-sans-arabic/400.css'
import '@fontsource/noto-sans-arabic/600.css'
import './styles/theme.css'
import './styles/layout.css'
import './styles/article.css'
import './styles/annotations.css'
import './styles/seminar.css'
import { StrictMode } from 'react'
import { App } from './App'
import { initI18n } from './i18n/i18n'
import { openStartupReadingAhead } from './reader/reading-ahead'
import { chooseHost } from './platform/choose-platform'
import { warmUpIntl } from './platform/intl-warm-up'
import { createRoot } from './platform/react-dom-client'
import { ignoreTextFieldSelectionChanges } from './platform/text-field-selection'
import { deviceIdentity } from './state/identity'
import { currentPlace } from './state/memberships'
import { getPreferences } from './state/preferences'

ignoreTextFieldSelectionChanges(window)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

/**
 * Started from a function rather than the module's top level, which is the whole app file: when
 * DevTools or a test driver watches the network, each request records the stack that made it,
 * and V8 finds the line of a top-level frame by re-parsing that whole top level. After the
 * await, this function runs with nothing of the module's top level beneath it.
 */
async function start(root: HTMLElement): Promise<void> {
  const { language } = getPreferences()
  const i18n = await initI18n(language)
  const host = chooseHost()
  if (currentPlace().kind === 'local') {
    // The identity ReaderScreen reads too: one per window (see deviceIdentity).
    openStartupReadingAhead(host.platform, deviceIdentity(i18n.t('defaultUserName')).userId)
  }
  warmUpIntl(language)
  createRoot(root).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  )
}

void start(container)
