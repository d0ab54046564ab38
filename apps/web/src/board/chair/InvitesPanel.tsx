import { type Role, roleLabels } from '@co-assess/board-model'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import type { InviteSummary, IssuedInvite } from '../../api/apiTypes.ts'
import { createInvite, listInvites, revokeInvite } from '../../api/endpoints.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { PeoplesDataPanel } from './PeoplesDataPanel.tsx'

const ROLES: Role[] = ['participant', 'observer', 'peer-reviewer', 'chair']
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' })

/** Invite links: make one for a role, see them all, withdraw one (people who used it are signed out). */
export function InvitesPanel() {
  const { assessment, keeper } = useBoardContext()
  const [role, setRole] = useState<Role>('participant')
  const [issued, setIssued] = useState<IssuedInvite | null>(null)
  const [invites, setInvites] = useState<InviteSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      setInvites(await listInvites(assessment.id, await keeper.token()))
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The invites could not be loaded.')
    }
  }, [assessment.id, keeper])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setProblem(null)
    try {
      setIssued(await createInvite(assessment.id, await keeper.token(), role, 14))
      await refresh()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The invite could not be made.')
    }
  }

  const withdraw = async (invite: InviteSummary) => {
    setProblem(null)
    try {
      await revokeInvite(assessment.id, await keeper.token(), invite.id)
      await refresh()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The invite could not be withdrawn.')
    }
  }

  const link = issued ? `${window.location.origin}${issued.path}` : ''
  return (
    <div className="co-console__group co-invites">
      <h3 className="nhsuk-heading-s">Invite people</h3>
      {problem ? (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <form onSubmit={create} noValidate>
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Make an invite link for
            </legend>
            <div className="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
              {ROLES.map((r) => (
                <div className="nhsuk-radios__item" key={r}>
                  <input
                    className="nhsuk-radios__input"
                    id={`invite-role-${r}`}
                    name="invite-role"
                    type="radio"
                    checked={role === r}
                    onChange={() => setRole(r)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`invite-role-${r}`}>
                    {roleLabels[r]}s
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Make invite link
        </button>
      </form>
      {issued ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="invite-link">
            Invite link for {roleLabels[issued.role].toLowerCase()}s (works for 14 days; anyone with it can
            join)
          </label>
          <input
            className="nhsuk-input"
            id="invite-link"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small co-copy"
            onClick={() => void navigator.clipboard?.writeText(link)}
          >
            Copy link
          </button>
        </div>
      ) : null}
      {invites && invites.length > 0 ? (
        <table className="nhsuk-table co-invite-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Invite links</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                For
              </th>
              <th className="nhsuk-table__header" scope="col">
                Made
              </th>
              <th className="nhsuk-table__header" scope="col">
                Status
              </th>
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {invites.map((invite) => {
              const expired = Date.parse(invite.expiresAt) <= Date.now()
              const status = invite.revokedAt
                ? 'Withdrawn'
                : expired
                  ? 'Expired'
                  : `Until ${date.format(Date.parse(invite.expiresAt))}`
              return (
                <tr className="nhsuk-table__row" key={invite.id}>
                  <td className="nhsuk-table__cell">{roleLabels[invite.role]}s</td>
                  <td className="nhsuk-table__cell">{date.format(Date.parse(invite.createdAt))}</td>
                  <td className="nhsuk-table__cell">{status}</td>
                  <td className="nhsuk-table__cell">
                    {!invite.revokedAt && !expired ? (
                      <button type="button" className="co-link-button" onClick={() => void withdraw(invite)}>
                        Withdraw
                        <span className="nhsuk-u-visually-hidden">
                          {' '}
                          this {roleLabels[invite.role].toLowerCase()} invite
                        </span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      <PeoplesDataPanel />
    </div>
  )
}
