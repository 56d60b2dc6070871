-- The learning network: providers declined as not eligible (the independent sector) that the
-- central team invited to share the programme's learning, and the areas of the Mental Health Act
-- reforms they would like to be involved in later, recorded with the date they said so.
create table learning_network_member (
    organisation_id        uuid        primary key references organisation (id),
    declined_enrollment_id uuid        not null references enrollment (id),
    invited_by             text        not null,
    joined_at              timestamptz not null
);

create table future_involvement_interest (
    id              uuid        primary key,
    organisation_id uuid        not null references learning_network_member (organisation_id),
    areas           text[]      not null check (cardinality(areas) >= 1),
    expressed_on    date        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null
);

create index future_involvement_interest_member
    on future_involvement_interest (organisation_id, recorded_at);
