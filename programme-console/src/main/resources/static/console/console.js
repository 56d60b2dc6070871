// Progressive enhancement only: every page works without it. A file, not an inline script, for the
// Content-Security-Policy.
import { initAll } from '../nhsuk-frontend/10.6.1/nhsuk-frontend.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()
