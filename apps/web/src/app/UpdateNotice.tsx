import { reloadWithUpdate, useUpdateReady } from './serviceWorker.ts'

/**
 * Says, politely, that a new version of Co-assess is ready, and reloads with it when the person
 * chooses: never in the middle of someone's sentence. The status region is always in the page so its
 * message is read out when it appears.
 */
export function UpdateNotice() {
  const ready = useUpdateReady()
  return (
    <div role="status" className={ready ? 'co-update' : undefined} data-testid="update-notice">
      {ready ? (
        <>
          <p className="co-update__text">
            A new version of Co-assess is ready. Your work is kept on this device while the page reloads.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small co-update__button"
            onClick={reloadWithUpdate}
          >
            Reload to use it
          </button>
        </>
      ) : null}
    </div>
  )
}
