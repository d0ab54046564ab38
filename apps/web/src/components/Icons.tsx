/** Icons sit beside words, never instead of them, so they are hidden from assistive technology. */
export function WarningIcon() {
  return (
    <svg className="co-icon" viewBox="0 0 24 24" width="20" height="20" focusable="false" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 2.5a1.6 1.6 0 0 1 1.4.8l9.1 16.2a1.6 1.6 0 0 1-1.4 2.4H2.9a1.6 1.6 0 0 1-1.4-2.4l9.1-16.2a1.6 1.6 0 0 1 1.4-.8Zm0 5.5a1.2 1.2 0 0 0-1.2 1.3l.4 5.4a.8.8 0 0 0 1.6 0l.4-5.4A1.2 1.2 0 0 0 12 8Zm0 8.6a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6Z"
      />
    </svg>
  )
}

export function EyeOffIcon() {
  return (
    <svg className="co-icon" viewBox="0 0 24 24" width="20" height="20" focusable="false" aria-hidden="true">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        d="M3 3l18 18M10.6 5.1A9.8 9.8 0 0 1 12 5c5 0 9 4.5 10 7-.4 1-1.3 2.4-2.6 3.7M6.4 6.6C4.3 8 2.7 10.1 2 12c1 2.5 5 7 10 7 1.8 0 3.4-.6 4.8-1.4M9.9 9.9a3 3 0 0 0 4.2 4.2"
      />
    </svg>
  )
}

export function TickIcon() {
  return (
    <svg className="co-icon" viewBox="0 0 24 24" width="20" height="20" focusable="false" aria-hidden="true">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M4 12.5l5 5L20 6.5"
      />
    </svg>
  )
}

export function PersonDot({ colour }: { colour: string }) {
  return <span className="co-dot" style={{ backgroundColor: colour }} aria-hidden="true" />
}
