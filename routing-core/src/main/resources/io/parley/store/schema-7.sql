-- Schema version 7: indexes for the deadline watcher, which after every commit that begins a dialog
-- or sets a timer looks for the earliest conversation timer and lifetime and for those already due;
-- without them each look read every endpoint, a cost growing with the number of open dialogs.

CREATE INDEX PARLEY.ENDPOINTS_BY_DIALOG_TIMER ON PARLEY.CONVERSATION_ENDPOINTS (DIALOG_TIMER);

CREATE INDEX PARLEY.ENDPOINTS_BY_LIFETIME ON PARLEY.CONVERSATION_ENDPOINTS (LIFETIME);
