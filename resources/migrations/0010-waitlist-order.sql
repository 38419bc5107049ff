-- Liaison schema: the waitlist in the organiser's order.
--
-- Until this level the waitlist was first come, first served: the earliest
-- waitlisted_at, then the order of arrival (rowid). The organiser now moves
-- people up and down and promotes by hand, so each waitlisted registration
-- keeps a number (smaller first). A move writes one number, between its new
-- neighbours' (hence REAL); a person who joins the waitlist takes the end.
-- A registration with no number (one the sync brought) comes after the
-- numbered ones, first come, first served among themselves.
--
-- Existing waitlisted registrations are numbered 1, 2, … in the order they
-- had (waitlisted_at, then rowid), so nobody's place changes at the upgrade;
-- nothing else needs filling.
ALTER TABLE registrations ADD COLUMN waitlist_order REAL;

UPDATE registrations
SET waitlist_order = (
  SELECT count(*) FROM registrations AS r2
  WHERE r2.event_id = registrations.event_id AND r2.status = 'waitlisted'
    AND (coalesce (r2.waitlisted_at, '') < coalesce (registrations.waitlisted_at, '')
         OR (coalesce (r2.waitlisted_at, '') = coalesce (registrations.waitlisted_at, '')
             AND r2.rowid <= registrations.rowid)))
WHERE status = 'waitlisted';
