import { type BoardShape, boardShape, parseDocumentName } from '@co-assess/board-model'
import { type Framework, itemsOfArea, listAreas } from '@co-assess/framework'
import type { MetadataStore } from '@co-assess/storage'
import type { Extension, onAuthenticatePayload, onConnectPayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { TokenError, type TokenService } from '../auth/tokens.ts'
import { CLOSE_CODES, closeWith } from './closeWith.ts'
import type { SyncContext } from './syncContext.ts'
import { tryAgainLater } from './tryAgainLater.ts'

const STORE_UNAVAILABLE = 'The server cannot reach its store just now. Reconnecting shortly.'

/**
 * Checks the document name before anything else touches it, then verifies the token: it must be for
 * this assessment, its invite must not be revoked, and a private blind-round document opens only for
 * its owner. Observers connect read-only.
 */
export function authExtension(deps: {
  tokens: TokenService
  metadata: MetadataStore
  frameworks: ReadonlyMap<string, Framework>
  log: Logger
}): Extension {
  const shapes = new Map<string, BoardShape>()
  /**
   * What the board may hold: the framework's areas and items, narrowed to the areas in scope when the
   * lead chose some. A board whose framework file is gone holds nothing new: writes are refused, reads
   * go on.
   */
  const shapeOf = (frameworkId: string | undefined, scope: readonly string[] | undefined): BoardShape => {
    const framework = frameworkId === undefined ? undefined : deps.frameworks.get(frameworkId)
    if (!framework) return boardShape([])
    const key = scope ? `${framework.id}:${scope.join(',')}` : framework.id
    let shape = shapes.get(key)
    if (!shape) {
      const inScope = scope ? new Set(scope) : null
      shape = boardShape(
        listAreas(framework)
          .filter((area) => !inScope || inScope.has(area.id))
          .map((area) => ({ id: area.id, itemIds: itemsOfArea(area).map((item) => item.id) })),
      )
      shapes.set(key, shape)
    }
    return shape
  }
  return {
    extensionName: 'co-assess-auth',
    priority: 1000,
    async onConnect({ documentName }: onConnectPayload) {
      if (!parseDocumentName(documentName)) {
        deps.log.warn(
          { documentName: documentName.slice(0, 80) },
          'refused a connection to an invalid document name',
        )
        throw closeWith(CLOSE_CODES.badDocumentName, 'That board name is not valid.')
      }
    },
    async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
      const target = parseDocumentName(data.documentName)
      if (!target) throw closeWith(CLOSE_CODES.badDocumentName, 'That board name is not valid.')
      let claims: Awaited<ReturnType<TokenService['verify']>>
      try {
        claims = await deps.tokens.verify(data.token, 'access')
      } catch (error) {
        const message = error instanceof TokenError ? error.message : 'Your sign-in is not valid.'
        throw closeWith(CLOSE_CODES.unauthorized, message)
      }
      if (claims.assessmentId !== target.assessmentId) {
        throw closeWith(CLOSE_CODES.unauthorized, 'Your invite is for a different assessment.')
      }
      if (target.kind === 'blind' && target.personId !== claims.personId) {
        throw closeWith(CLOSE_CODES.unauthorized, 'Only its owner can open a private blind-round document.')
      }
      // The store failing is not a refusal: end the socket with "try again later" so the client
      // reconnects, rather than leave it open and unauthenticated for good (see tryAgainLater).
      const fromStore = async <T>(read: () => Promise<T>): Promise<T> => {
        try {
          return await read()
        } catch (error) {
          deps.log.error(
            { err: error, documentName: data.documentName },
            'could not check a connection against the store; the client will try again',
          )
          tryAgainLater(data.request, STORE_UNAVAILABLE)
          throw closeWith(CLOSE_CODES.storageUnavailable, STORE_UNAVAILABLE)
        }
      }
      const invite = await fromStore(() => deps.metadata.getInvite(claims.inviteId))
      if (!invite || invite.revokedAt) {
        throw closeWith(
          CLOSE_CODES.unauthorized,
          'The invite you joined with has been withdrawn by the chair.',
        )
      }
      const assessment = await fromStore(() => deps.metadata.getAssessment(target.assessmentId))
      if (!assessment) throw closeWith(CLOSE_CODES.unauthorized, 'That assessment no longer exists.')
      if (claims.role === 'observer') data.connectionConfig.readOnly = true
      return {
        claims,
        documentKind: target.kind,
        assessmentId: target.assessmentId,
        shape: shapeOf(assessment.frameworkId, assessment.plan?.areaIds),
        alias: deps.tokens.alias(target.assessmentId, claims.personId),
      }
    },
  }
}
