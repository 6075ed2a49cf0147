-- Each user's display preferences (large text and high contrast for now), kept on the server so
-- they follow the person to any device they sign in on. One JSON object: a new preference needs
-- no migration; the API schema says which keys exist and fills in the defaults.
alter table users add column preferences jsonb not null default '{}'::jsonb;
