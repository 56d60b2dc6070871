-- evaluation-service's view of enrolments, built from enrollment.events only (it never reads
-- enrollment-service's tables). Engagement is reported by its dimensions; data returns are
-- accepted only for months inside an enrolment.
CREATE TABLE enrolled_service (
    enrollment_id    uuid PRIMARY KEY,
    service_id       uuid        NOT NULL,
    organisation_id  uuid        NOT NULL,
    ods_code         varchar(5)  NOT NULL,
    provider_type    varchar(40),
    region           varchar(40) NOT NULL,
    service_type     varchar(40) NOT NULL,
    phase_id         uuid        NOT NULL,
    phase_kind       varchar(40) NOT NULL,
    coaching_starts_on date      NOT NULL,
    coaching_ends_on   date      NOT NULL,
    enrolled_on      date        NOT NULL,
    -- set by EnrollmentWithdrawn or EnrollmentCompleted: the last day of the enrolment
    ended_on         date,
    status           varchar(20) NOT NULL
);

CREATE INDEX enrolled_service_service ON enrolled_service (service_id);
CREATE INDEX enrolled_service_phase ON enrolled_service (phase_id);
