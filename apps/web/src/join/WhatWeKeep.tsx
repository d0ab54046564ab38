/**
 * What joining means for a person's words and details, in plain English, before they give any.
 * Kept beside the join form so it is read at the moment of consent, and true to what the server does
 * (README, "Who sees what"): change both together.
 */
export function WhatWeKeep({ withGroup = true }: { withGroup?: boolean }) {
  // Observers and peer reviewers are never asked for a group, so they are not told it is shown.
  const details = withGroup ? 'name, organisation and group' : 'name and organisation'
  return (
    <details className="nhsuk-details" data-testid="what-we-keep">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">What happens to what you share</span>
      </summary>
      <div className="nhsuk-details__text">
        <h2 className="nhsuk-heading-s">What we keep</h2>
        <ul>
          <li>the {details} you give below (the organisation only if you give one)</li>
          <li>the items you tick, the notes and comments you write, and the actions you suggest</li>
          <li>which sessions you were at</li>
        </ul>
        <h2 className="nhsuk-heading-s">Who sees it</h2>
        <ul>
          <li>Everyone on this board sees your {details} next to what you do, while the board is open.</li>
          <li>
            Reports made from the board do not show your name. Where your name is written in a note or an
            action, reports show your group instead (for example “a VCSE partner”).
          </li>
          <li>
            Reports show how many people in each group ticked an item, but a number smaller than 3 is shown as
            “fewer than 3”, so nobody can tell what one person said.
          </li>
          <li>
            The public page shows only the actions the chair chooses to publish, with no names, organisations
            or comments.
          </li>
        </ul>
        <h2 className="nhsuk-heading-s">How long we keep it</h2>
        <p>
          Until the organisation running this assessment deletes it. You can ask the chair to remove your name
          at any time: what you ticked and wrote stays, shown only as “a participant” from your group.
        </p>
      </div>
    </details>
  )
}
