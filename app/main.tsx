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
import { z } from 'zod'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { initI18n } from './i18n/i18n'
import { chooseHost } from './platform/choose-platform'
import { ignoreTextFieldSelectionChanges } from './platform/text-field-selection'
import { getPreferences } from './state/preferences'

// Zod probes for `new Function` to compile validators; the CSP forbids it (and reports the probe).
z.config({ jitless: true })

ignoreTextFieldSelectionChanges(window)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

await initI18n(getPreferences().language)
createRoot(container).render(
  <StrictMode>
    <App host={chooseHost()} />
  </StrictMode>,
)
