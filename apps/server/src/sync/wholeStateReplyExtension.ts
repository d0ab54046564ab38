import type { Extension, onLoadDocumentPayload } from '@hocuspocus/server'

/**
 * Opening a board costs the server one thing above all: encoding the whole document for a reader who
 * has nothing yet (BENCHMARKS.md, cold open: ~16 ms of a finished board's open, the same work bare
 * Hocuspocus does). Everyone who joins between two changes gets the same bytes, so a board keeps that
 * reply once built and drops it when a transaction changes the board (the Hocuspocus patch in patches/ adds
 * `cacheWholeStateReply`; a reader with a state vector still gets only what it lacks).
 *
 * Only the documents `caches` names hold one: a reply is as large as the document, and a board is the
 * document many people open at once.
 *
 * Caching is turned on as the document is created, before the store's part of the load (a higher
 * priority than persistence's), so the store can hand over the bytes it loaded as the first reply
 * (`seedWholeStateReply`): a board opened from disk is then not encoded again for its first reader.
 */
export function wholeStateReplyExtension(options: { caches: (documentName: string) => boolean }): Extension {
  return {
    extensionName: 'co-assess-whole-state-reply',
    priority: 900,
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      if (options.caches(documentName)) document.cacheWholeStateReply()
    },
  }
}
