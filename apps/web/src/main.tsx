import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'
import './styles/board.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, firstPageReady } from './App.tsx'
import { startServiceWorker } from './app/serviceWorker.ts'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
// If the page's code cannot be fetched the app still starts, and shows its own loading and errors.
void firstPageReady()
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
startServiceWorker()
