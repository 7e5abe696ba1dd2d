-- Schema version 5: the schema of the per-queue views. Every queue is readable as DBO."<queue name>"
-- with the columns of a Service Broker queue (R-OBJ-21); the views themselves are created and
-- dropped with their queues, and made for existing queues when a store opens (QueueViews).

CREATE SCHEMA DBO;
