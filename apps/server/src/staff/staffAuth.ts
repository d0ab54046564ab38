import type { AssessmentRecord, MetadataStore, StaffRecord, StaffRole } from '@co-assess/storage'
import type { FastifyRequest } from 'fastify'
import { forbidden, notFound, unauthorized } from '../http/httpError.ts'
import { STAFF_COOKIE, type StaffSessions } from './staffSessions.ts'

const ROLE_NAMES: Record<StaffRole, string> = {
  administrator: 'an administrator',
  lead: 'an engagement lead',
  member: 'a member',
}

function requireRole(who: StaffRecord, roles: readonly StaffRole[] | undefined): void {
  if (roles && !roles.includes(who.role))
    throw forbidden(
      `Only ${roles.map((r) => ROLE_NAMES[r]).join(' or ')} can do this; you are ${ROLE_NAMES[who.role]}.`,
    )
}

/** Who is signed in as staff, and the boundary of their organisation. */
export function createStaffAuth(deps: { sessions: StaffSessions; metadata: MetadataStore }) {
  const staff = async (request: FastifyRequest, roles?: readonly StaffRole[]): Promise<StaffRecord> => {
    const staffId = await deps.sessions.verify(request.cookies[STAFF_COOKIE])
    // Read from the store each time, so a changed role counts at once rather than when the cookie ends.
    const found = staffId ? await deps.metadata.getStaff(staffId) : undefined
    if (!found) throw unauthorized('Sign in as staff first.')
    requireRole(found, roles)
    return found
  }
  return {
    staff,
    /** Staff of this organisation, with one of these roles. Another organisation's staff get a 404: they may not learn it exists. */
    async ofOrganisation(request: FastifyRequest, organisationId: string, roles?: readonly StaffRole[]) {
      const who = await staff(request)
      if (who.organisationId !== organisationId) throw notFound('There is no such organisation.')
      requireRole(who, roles)
      return who
    },
    /** The assessment, if it belongs to the signed-in person's organisation; otherwise the same 404 as a missing one. */
    async assessment(
      request: FastifyRequest,
      assessmentId: string,
      roles?: readonly StaffRole[],
    ): Promise<{ who: StaffRecord; assessment: AssessmentRecord }> {
      const who = await staff(request)
      const assessment = await deps.metadata.getAssessment(assessmentId)
      if (!assessment || assessment.organisationId !== who.organisationId)
        throw notFound('That assessment does not exist.')
      requireRole(who, roles)
      return { who, assessment }
    },
  }
}
export type StaffAuth = ReturnType<typeof createStaffAuth>
