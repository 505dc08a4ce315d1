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
import { chooseHost } from './platform/choose-platform'
import { warmUpIntl } from './platform/intl-warm-up'
import { createRoot } from './platform/react-dom-client'
import { ignoreTextFieldSelectionChanges } from './platform/text-field-selection'
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
  await initI18n(language)
  warmUpIntl(language)
  createRoot(root).render(
    <StrictMode>
      <App host={chooseHost()} />
    </StrictMode>,
  )
}

void start(container)
