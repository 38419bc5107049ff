-- Liaison schema: what another program wrote in an event brought in from a
-- .ics file (Thunderbird's X-MOZ-*, Outlook's X-MICROSOFT-*, alarms,
-- attachments, categories, any X- property and its parameters).
--
-- The event's own calendar as the file gave it (its VEVENTs and the
-- VTIMEZONEs they use, zones renamed to IANA ids). Until the event has a
-- copy on the server, this text is what the first push and an .ics export
-- patch Liaison's fields into, as sync patches the server's text
-- (sync_resources.base), so what Liaison does not model goes out again.
-- Keyed by the event's id without a foreign key, like the tables of level
-- 7: deleting the event and undoing that brings the text back with it.
-- Older rows need nothing: an event without a row was never imported, or
-- was imported before Liaison kept the text.
CREATE TABLE imported_texts (
  event_id TEXT PRIMARY KEY,
  text     TEXT NOT NULL
);
