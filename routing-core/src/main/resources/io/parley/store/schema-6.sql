-- Schema version 6: indexes in RECEIVE's order, so that taking the next message of a group, or
-- finding the next group with ready messages, reads the first index entries instead of sorting
-- every ready message of the queue (which made a long queue quadratic to drain).

DROP INDEX PARLEY.MESSAGES_BY_QUEUE;

CREATE INDEX PARLEY.MESSAGES_IN_RECEIVE_ORDER ON PARLEY.QUEUE_MESSAGES
    (QUEUE_ID, STATUS, GROUP_ID, PRIORITY DESC, HANDLE, RECEIVE_RANK, SEQUENCE_NUMBER);

CREATE INDEX PARLEY.MESSAGES_IN_ARRIVAL_ORDER ON PARLEY.QUEUE_MESSAGES
    (QUEUE_ID, STATUS, PRIORITY DESC, QUEUING_ORDER);
