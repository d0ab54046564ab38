/**
 * The schema, as numbered steps applied once each and recorded in schema_migrations. Statements use
 * IF NOT EXISTS so a step that ran but was not recorded (a crash between the two) runs again safely.
 * Timestamps are text: records carry ISO strings chosen by the app, and text hands back exactly the
 * string stored, as the embedded store does; ISO-8601 in UTC sorts correctly as text.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'metadata and documents',
    sql: `
      CREATE TABLE IF NOT EXISTS assessments (
        id text PRIMARY KEY,
        title text NOT NULL,
        framework_id text NOT NULL,
        framework_version text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('strategic', 'operational')),
        workstream text NOT NULL,
        created_at text NOT NULL,
        previous_assessment_id text,
        review_closed_at text,
        publication jsonb
      );
      CREATE TABLE IF NOT EXISTS invites (
        id text PRIMARY KEY,
        assessment_id text NOT NULL REFERENCES assessments (id),
        role text NOT NULL CHECK (role IN ('chair', 'participant', 'peer-reviewer', 'observer')),
        token_hash text NOT NULL UNIQUE,
        created_at text NOT NULL,
        expires_at text NOT NULL,
        revoked_at text,
        created_by text
      );
      CREATE INDEX IF NOT EXISTS invites_by_assessment ON invites (assessment_id);
      CREATE TABLE IF NOT EXISTS participants (
        id text PRIMARY KEY,
        assessment_id text NOT NULL REFERENCES assessments (id),
        invite_id text NOT NULL REFERENCES invites (id),
        role text NOT NULL CHECK (role IN ('chair', 'participant', 'peer-reviewer', 'observer')),
        display_name text NOT NULL,
        organisation text NOT NULL,
        participant_group text NOT NULL CHECK (participant_group IN ('ics', 'vcse', 'lived-experience', 'peer-reviewer')),
        joined_at text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS participants_by_assessment ON participants (assessment_id);
      CREATE TABLE IF NOT EXISTS settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS document_updates (
        doc_name text NOT NULL,
        seq bigserial NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (doc_name, seq)
      );
      CREATE TABLE IF NOT EXISTS document_snapshots (
        doc_name text PRIMARY KEY,
        data bytea NOT NULL,
        up_to_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'groups per assessment, retention, equality answers',
    // A group is an id the chair chose, so the fixed list in the CHECK becomes a pattern, and a
    // person with no group (an observer, a peer reviewer) holds NULL. Equality answers sit in a
    // table of their own with no person id and no time; who has answered sits in another.
    sql: `
      ALTER TABLE assessments ADD COLUMN IF NOT EXISTS stakeholder_groups jsonb;
      ALTER TABLE assessments ADD COLUMN IF NOT EXISTS retention_days integer;
      ALTER TABLE invites ADD COLUMN IF NOT EXISTS invite_groups jsonb;
      ALTER TABLE participants ALTER COLUMN participant_group DROP NOT NULL;
      ALTER TABLE participants DROP CONSTRAINT IF EXISTS participants_participant_group_check;
      ALTER TABLE participants ADD CONSTRAINT participants_participant_group_check
        CHECK (participant_group ~ '^[a-z0-9][a-z0-9-]{0,39}$');
      CREATE TABLE IF NOT EXISTS equality_answers (
        id text PRIMARY KEY,
        assessment_id text NOT NULL REFERENCES assessments (id),
        answers jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS equality_answers_by_assessment ON equality_answers (assessment_id);
      CREATE TABLE IF NOT EXISTS equality_respondents (
        assessment_id text NOT NULL REFERENCES assessments (id),
        person_id text NOT NULL,
        PRIMARY KEY (assessment_id, person_id)
      );
    `,
  },
  {
    version: 3,
    name: 'organisations, staff, assessment plans',
    // An assessment's organisation has no foreign key: records made before organisations hold NULL
    // until the server's first start attaches them to its default organisation.
    sql: `
      CREATE TABLE IF NOT EXISTS organisations (
        id text PRIMARY KEY,
        name text NOT NULL,
        places jsonb NOT NULL,
        created_at text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS staff (
        id text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('administrator', 'lead', 'member')),
        identity_issuer text,
        identity_subject text,
        created_at text NOT NULL,
        UNIQUE (identity_issuer, identity_subject)
      );
      CREATE INDEX IF NOT EXISTS staff_by_organisation ON staff (organisation_id);
      CREATE TABLE IF NOT EXISTS staff_invites (
        id text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        role text NOT NULL CHECK (role IN ('administrator', 'lead', 'member')),
        token_hash text NOT NULL UNIQUE,
        created_at text NOT NULL,
        expires_at text NOT NULL,
        used_at text,
        created_by text
      );
      ALTER TABLE assessments ADD COLUMN IF NOT EXISTS organisation_id text;
      ALTER TABLE assessments ADD COLUMN IF NOT EXISTS plan jsonb;
      CREATE INDEX IF NOT EXISTS assessments_by_organisation ON assessments (organisation_id);
    `,
  },
  {
    version: 4,
    name: 'session feedback',
    // "Did you feel heard?" answers carry the session and group, never who, in a table of their own
    // with a random id and no time; the one-way markers that stop a second answer sit in another.
    sql: `
      CREATE TABLE IF NOT EXISTS session_feedback (
        id text PRIMARY KEY,
        assessment_id text NOT NULL REFERENCES assessments (id),
        session_id text NOT NULL,
        participant_group text NOT NULL,
        heard integer NOT NULL CHECK (heard BETWEEN 1 AND 5),
        spoke integer NOT NULL CHECK (spoke BETWEEN 1 AND 5),
        help text
      );
      CREATE INDEX IF NOT EXISTS session_feedback_by_assessment ON session_feedback (assessment_id);
      CREATE TABLE IF NOT EXISTS session_feedback_markers (
        assessment_id text NOT NULL REFERENCES assessments (id),
        marker text NOT NULL,
        PRIMARY KEY (assessment_id, marker)
      );
    `,
  },
]
