-- Engagement projections, built from coaching.events and enrollment.events only. Each row holds
-- the facts known of one session, plan or enrolment end, merged whatever order the events came in
-- (see SessionFacts), so replaying the topics from the start gives the same rows.

-- How an enrolment ended (EnrollmentWithdrawn or EnrollmentCompleted), kept on its own so that an
-- end seen before its ServiceEnrolled is not lost; enrolled_service carries it once both are known.
CREATE TABLE enrollment_end (
    enrollment_id uuid PRIMARY KEY,
    status        varchar(20) NOT NULL,
    ended_at      timestamptz NOT NULL
);

CREATE TABLE engagement_plan (
    plan_id            uuid PRIMARY KEY,
    enrollment_id      uuid        NOT NULL,
    service_id         uuid        NOT NULL,
    phase_id           uuid        NOT NULL,
    phase_kind         varchar(40) NOT NULL,
    window_starts_on   date        NOT NULL,
    window_ends_on     date        NOT NULL,
    sessions           integer     NOT NULL,
    unstaffed_sessions integer     NOT NULL,
    created_at         timestamptz NOT NULL
);

CREATE TABLE engagement_session (
    session_id        uuid PRIMARY KEY,
    plan_id           uuid        NOT NULL,
    enrollment_id     uuid        NOT NULL,
    service_id        uuid        NOT NULL,
    phase_id          uuid        NOT NULL,
    level             varchar(60) NOT NULL,
    kind              varchar(40) NOT NULL,
    -- the latest timing known: from SessionScheduled (revision 0), SessionRescheduled (its
    -- revision) or the cancellation or completion (after every move, so above any revision)
    starts_at         timestamp   NOT NULL,
    planned_minutes   integer     NOT NULL CHECK (planned_minutes > 0),
    timing_revision   integer     NOT NULL,
    scheduled         boolean     NOT NULL,
    -- SessionFacts.status(): DELIVERED once completed, else CANCELLED once cancelled, else SCHEDULED
    status            varchar(20) NOT NULL,
    cancelled_at      timestamptz,
    cancellation_cause varchar(40),
    completed_at      timestamptz,
    delivered_minutes integer CHECK (delivered_minutes >= 0),
    attendees         integer CHECK (attendees >= 0),
    lived_experience_partner_took_part boolean,
    -- attendance of the completion: {"SERVICE_LEAD": 1, "FRONTLINE_STAFF": 3, ...}
    attendance        jsonb
);

CREATE INDEX engagement_session_enrollment ON engagement_session (enrollment_id);
CREATE INDEX engagement_session_phase ON engagement_session (phase_id);
