-- Internal notes and replies to the resident are kept apart (docs/decisions/0013).
-- need_events.note is the staff's internal note; need_events.reply is what residents, their
-- notices and Open311 status_notes show. Notices go to residents, so they carry a reply only.
alter table need_events add column reply text not null default '';

-- Existing notes: an explanation owed to the resident (a rejection or waiting reason, the
-- outcome of a resolution, the resident's own dispute and rating words, the group a need
-- joined, the numbers of split and merged needs, the name of an attachment every reader of
-- the need sees anyway) becomes a reply. Every other note (an assignment's instruction, a
-- referral's answer, a free note on acceptance) stays internal: when in doubt, a note does
-- not reach the resident.
update need_events set reply = note, note = ''
 where note <> '' and action in ('reject', 'wait', 'resolve', 'dispute', 'confirm', 'pool', 'split', 'absorb', 'attach');

alter table notifications rename column note to reply;

-- A notice that carried an internal note keeps its place in the list, without the note.
update notifications n set reply = ''
 where n.reply <> '' and not exists (
   select 1 from need_events e where e.district_id = n.district_id and e.need_id = n.need_id and e.reply = n.reply);
