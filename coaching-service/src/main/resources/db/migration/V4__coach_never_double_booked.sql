-- The database's backstop for the roster check: a coach never holds two live sessions that
-- overlap. A full improvement day takes the coach's whole day, as the planner treats it.
create extension if not exists btree_gist;

alter table coaching_session
    add constraint coaching_session_coach_not_double_booked
        exclude using gist (
            coach_id with =,
            (case
                 when kind = 'IMPROVEMENT_DAY'
                     then tsrange(date_trunc('day', starts_at),
                                  date_trunc('day', starts_at) + interval '1 day')
                 else tsrange(starts_at, starts_at + make_interval(mins => duration_minutes))
             end) with &&
        )
        where (coach_id is not null and status <> 'CANCELLED');
