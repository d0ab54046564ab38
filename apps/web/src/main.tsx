import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'
import './styles/board.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { startServiceWorker } from './app/serviceWorker.ts'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
startServiceWorker()
