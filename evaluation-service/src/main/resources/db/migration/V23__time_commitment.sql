-- Weekly time-commitment returns: the hours a service's project team spent on QI work and on
-- coaching in a week (Monday to Sunday), and how many members they cover.
CREATE TABLE time_commitment_return (
    service_id     uuid          NOT NULL,
    enrollment_id  uuid          NOT NULL,
    week_starting  date          NOT NULL CHECK (extract(isodow FROM week_starting) = 1),
    team_members   integer       NOT NULL CHECK (team_members >= 1),
    qi_hours       numeric(8, 2) NOT NULL CHECK (qi_hours >= 0),
    coaching_hours numeric(8, 2) NOT NULL CHECK (coaching_hours >= 0),
    submitted_by   varchar(200)  NOT NULL,
    submitted_at   timestamptz   NOT NULL,
    PRIMARY KEY (service_id, week_starting)
);
