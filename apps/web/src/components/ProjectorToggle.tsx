import { TickIcon } from './Icons.tsx'
import { setProjectorMode, useProjectorMode } from './projectorMode.ts'

/** Larger type and, on the board, the room's view for a projector; remembered on this device. */
export function ProjectorToggle() {
  const on = useProjectorMode()
  // A toggle keeps one name and says its state through aria-pressed alone: a name that also changed
  // would be read as "Projector mode: on, pressed". Sighted people see the tick and the larger type.
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--reverse nhsuk-button--small co-header__button"
      aria-pressed={on}
      onClick={() => setProjectorMode(!on)}
    >
      {on ? <TickIcon /> : null}
      Projector mode
    </button>
  )
}
