import { useEffect, useState } from 'react'
import { TickIcon } from './Icons.tsx'

const KEY = 'co-assess:projector'

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

/** Larger type for the board on a projector; remembered on this device. */
export function ProjectorToggle() {
  const [on, setOn] = useState(stored)
  useEffect(() => {
    document.documentElement.classList.toggle('co-projector', on)
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off')
    } catch {
      // Not remembered; still applied for this visit.
    }
  }, [on])
  // A toggle keeps one name and says its state through aria-pressed alone: a name that also changed
  // would be read as "Projector mode: on, pressed". Sighted people see the tick and the larger type.
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--reverse nhsuk-button--small co-header__button"
      aria-pressed={on}
      onClick={() => setOn((v) => !v)}
    >
      {on ? <TickIcon /> : null}
      Projector mode
    </button>
  )
}
