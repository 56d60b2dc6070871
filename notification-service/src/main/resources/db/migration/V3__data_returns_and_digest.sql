-- What notification-service learns from the events for the data return reminders and the central
-- team's weekly digest: no personal data, only services, months, measures and sessions.

-- Enrolled services owe a return each month from the month they were enrolled in until they end:
-- from ServiceEnrolled, EnrollmentWithdrawn and EnrollmentCompleted.
create table enrolled_service (
    enrollment_id uuid primary key,
    service_id    uuid        not null,
    enrolled_on   date        not null,
    ended_on      date,
    withdrawn     boolean     not null default false,
    updated_at    timestamptz not null
);

create index enrolled_service_service on enrolled_service (service_id);

-- The months a service has begun returning (DataReturnSubmitted), by measure: a service that has
-- begun a month is not reminded that it is due; an overdue return it then submits leaves the
-- digest.
create table data_return_seen (
    service_id   uuid not null,
    measure_code text not null,
    month        date not null,
    primary key (service_id, measure_code, month)
);

-- Each service's reminder that a month's returns are due in five working days, written once.
create table data_return_reminder (
    service_id  uuid        not null,
    month       date        not null,
    due_on      date        not null,
    reminded_at timestamptz not null,
    primary key (service_id, month)
);

-- Returns found overdue (DataReturnOverdue) and not submitted since: the digest lists them.
create table overdue_return (
    service_id   uuid        not null,
    measure_code text        not null,
    month        date        not null,
    due_on       date,
    overdue_at   timestamptz not null,
    primary key (service_id, measure_code, month)
);

-- Services on a waiting list (ServiceWaitlisted) until enrolled, declined or withdrawn.
create table waitlisted_service (
    enrollment_id uuid primary key,
    service_id    uuid        not null,
    phase_id      uuid,
    position      integer     not null,
    waitlisted_at timestamptz not null
);

-- Each week's digest, written once: its Monday.
create table weekly_digest (
    week_of    date primary key,
    written_at timestamptz not null
);
