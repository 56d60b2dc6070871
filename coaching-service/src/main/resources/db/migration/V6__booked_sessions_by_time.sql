-- The roster of a planning or rescheduling decision reads every live booked session of the weeks
-- concerned, whatever the coach: by time, not by coach, so it reads those weeks and no other.
create index coaching_session_booked on coaching_session (starts_at)
    where coach_id is not null and status <> 'CANCELLED';
