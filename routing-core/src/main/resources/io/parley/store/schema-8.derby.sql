-- Schema version 8: Derby hands out identity values (queuing order, transmission row ids) from
-- ranges it reserves in its catalog. When a range runs out, concurrent inserts race to reserve the
-- next one and the loser fails with 40XL1, so under load a SEND or an arriving message failed now
-- and then. Ranges of 1000 instead of Derby's 100 make those races ten times rarer; a crash skips at
-- most the rest of a range, which only leaves a gap in the numbering.

CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.language.sequence.preallocator', '1000');
