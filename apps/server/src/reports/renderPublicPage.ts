import { plainDate } from '@co-assess/board-model'
import { escapeHtml as e } from './escapeHtml.ts'
import { htmlPage } from './htmlPage.ts'
import type { PublicationContent } from './publication.ts'

type PublicItem = NonNullable<PublicationContent['items']>[number]

/**
 * What happened, in words that match the status: a dropped action says why it was dropped (the form
 * promised the people who raised it would be told), never that work is still going on.
 */
function outcome(item: PublicItem): string {
  if (item.status === 'dropped')
    return `<dt>What we decided</dt><dd>We are not going ahead with this.</dd>
<dt>Why</dt><dd>${e(item.droppedReason?.trim() || 'No reason was recorded.')}</dd>`
  const done = item.status === 'done'
  return `<dt>We did</dt><dd>${e(item.weDid || (done ? 'This is done.' : 'We are still working on this.'))}</dd>
<dt>What changed</dt><dd>${e(item.whatChanged || (done ? 'Not recorded yet.' : 'We will tell you when we know.'))}</dd>`
}

/** The public "you said, we did" page: plain words, one column, readable on a phone. */
export function renderPublicPage(content: PublicationContent, publishedAt: string): string {
  const items = content.items ?? []
  const list = items.length
    ? items
        .map(
          (item) => `<div class="card">
<h2>You said: ${e(item.youSaid || 'Something we heard')}</h2>
<dl class="pairs">
${outcome(item)}
<dt>Where we are</dt><dd>${e(item.statusLabel)}</dd>
${item.areas.length ? `<dt>Part of</dt><dd>${e(item.areas.map((a) => a.title).join('; '))}</dd>` : ''}
</dl></div>`,
        )
        .join('\n')
    : '<p>There is nothing on this page yet.</p>'
  const body = `<h1>You said, we did${content.title ? `: ${e(content.title)}` : ''}</h1>
<p class="lede">What people and communities told us, what we did about it, and what changed.</p>
<p class="meta">${content.workstream ? `${e(content.workstream)} · ` : ''}Last updated <time datetime="${e(publishedAt)}">${e(plainDate(publishedAt))}</time></p>
${list}`
  return htmlPage({ title: `You said, we did${content.title ? `: ${content.title}` : ''}`, body })
}

/** What a withdrawn or unknown public link shows. */
export function renderNotPublished(kind: 'withdrawn' | 'unknown'): string {
  const body =
    kind === 'withdrawn'
      ? `<h1>This page is no longer published</h1>
<p class="lede">The people who published this page have taken it down.</p>
<p>If you need the information it held, contact the organisation that gave you the link.</p>`
      : `<h1>Page not found</h1>
<p class="lede">There is no published page at this address.</p>
<p>Check the link you were given, or contact the organisation that gave it to you.</p>`
  return htmlPage({
    title: kind === 'withdrawn' ? 'This page is no longer published' : 'Page not found',
    body,
    robots: 'noindex',
  })
}
