import { assertDocumentName } from '../assertDocumentName.ts'
import { mergeStoredUpdates } from '../mergeStoredUpdates.ts'
import type { DocumentStore } from '../storagePort.ts'
import type { Database, Query } from './database.ts'

/** Separates these per-document advisory locks from any other use of pg_advisory_xact_lock. */
const COMPACT_LOCK_SPACE = 0x0c0a5d0c

interface StoredPart {
  data: Buffer
  seq: string | null
}

/**
 * The snapshot (if any) then every log row, read in one statement so that one snapshot of the
 * database is seen: a compaction committing between two separate reads could otherwise hide rows
 * that it moved into a snapshot the first read missed.
 *
 * Every remaining row is read, not only those after up_to_seq: sequence numbers are handed out at
 * insert but become visible at commit, so a row committed late can carry a seq below up_to_seq.
 * Compaction deletes exactly the rows it merged, so any row still here is not in the snapshot.
 */
async function readParts(query: Query, documentName: string): Promise<StoredPart[]> {
  return query<StoredPart>(
    `SELECT data, NULL::text AS seq, 0 AS part, 0::bigint AS ord FROM document_snapshots WHERE doc_name = $1
     UNION ALL
     SELECT data, seq::text, 1 AS part, seq AS ord FROM document_updates WHERE doc_name = $1
     ORDER BY part, ord`,
    [documentName],
  )
}

/** A copy: the query may wait for a free connection, and the caller keeps its array. */
const asBuffer = (update: Uint8Array) => Buffer.from(update)

export function createPostgresDocumentStore(db: Database): DocumentStore {
  return {
    async appendUpdate(documentName, update) {
      assertDocumentName(documentName)
      if (update.length === 0)
        throw new RangeError('Refusing to store an empty update: a Yjs update is never empty.')
      // Autocommit: the promise resolves after COMMIT, which PostgreSQL makes durable (and batches
      // with other sessions' commits on its own).
      await db.query('INSERT INTO document_updates (doc_name, data) VALUES ($1, $2)', [
        documentName,
        asBuffer(update),
      ])
    },

    async loadDocument(documentName) {
      assertDocumentName(documentName)
      const parts = await readParts(db.query, documentName)
      return mergeStoredUpdates(parts.map((part) => new Uint8Array(part.data)))
    },

    async compact(documentName, state) {
      assertDocumentName(documentName)
      await db.transaction(async (query) => {
        // Compactions of one document take turns; appends go on meanwhile and are left for the next one.
        await query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACT_LOCK_SPACE, documentName])
        const parts = await readParts(query, documentName)
        const rows = parts.filter((part) => part.seq !== null)
        // Merging in what is stored means an update another instance logged, or one this caller has
        // not applied yet, survives even though `state` lacks it.
        const merged = mergeStoredUpdates([...parts.map((part) => new Uint8Array(part.data)), state])
        if (!merged) return
        const seqs = rows.map((row) => row.seq as string)
        await query(
          `INSERT INTO document_snapshots (doc_name, data, up_to_seq)
           VALUES ($1, $2, COALESCE((SELECT max(s) FROM unnest($3::bigint[]) AS s), 0))
           ON CONFLICT (doc_name) DO UPDATE
             SET data = EXCLUDED.data,
                 up_to_seq = GREATEST(document_snapshots.up_to_seq, EXCLUDED.up_to_seq),
                 updated_at = now()`,
          [documentName, asBuffer(merged), seqs],
        )
        if (seqs.length > 0) {
          await query('DELETE FROM document_updates WHERE doc_name = $1 AND seq = ANY($2::bigint[])', [
            documentName,
            seqs,
          ])
        }
      })
    },

    async logLength(documentName) {
      assertDocumentName(documentName)
      const [row] = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM document_updates WHERE doc_name = $1',
        [documentName],
      )
      return row?.count ?? 0
    },

    async deleteDocument(documentName) {
      assertDocumentName(documentName)
      await db.transaction(async (query) => {
        // Under the compaction lock, so a compaction cannot write the snapshot back as it goes.
        await query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACT_LOCK_SPACE, documentName])
        await query('DELETE FROM document_updates WHERE doc_name = $1', [documentName])
        await query('DELETE FROM document_snapshots WHERE doc_name = $1', [documentName])
      })
    },

    async listDocuments(prefix = '') {
      const rows = await db.query<{ doc_name: string }>(
        `SELECT doc_name FROM (
           SELECT doc_name FROM document_snapshots WHERE starts_with(doc_name, $1)
           UNION
           SELECT DISTINCT doc_name FROM document_updates WHERE starts_with(doc_name, $1)
         ) AS stored
         ORDER BY doc_name COLLATE "C"`,
        [prefix],
      )
      return rows.map((row) => row.doc_name)
    },
  }
}
