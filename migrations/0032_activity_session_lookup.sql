-- A session is named by its id alone in the routes residents and staff sign in through
-- (/activity-sessions/:id/check-in, /attendance, /roster): the key (district_id, id) cannot
-- find it, so every sign-in read all sessions of the city. Found by the projects benchmark.
create index activity_sessions_id on activity_sessions (id);
