import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from '../app/navigation.ts'

/** A real link (it opens in a new tab, copies, and reads as a link) that moves within the app without reloading. */
export function AppLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, href, ...rest } = props
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} {...rest} onClick={handle} />
}
