-- The order-processing side: it receives orders and answers with a confirmation.
CREATE MESSAGE TYPE [//Shop/Order]        VALIDATION = WELL_FORMED_XML;
CREATE MESSAGE TYPE [//Shop/Confirmation] VALIDATION = VALID_JSON;

CREATE CONTRACT [//Shop/OrderContract] (
    [//Shop/Order]        SENT BY INITIATOR,
    [//Shop/Confirmation] SENT BY TARGET
);

CREATE QUEUE OrdersQueue WITH STATUS = ON, RETENTION = OFF,
    ACTIVATION (STATUS = ON, MAX_QUEUE_READERS = 4),
    POISON_MESSAGE_HANDLING (STATUS = ON);

CREATE SERVICE [//Shop/Orders] ON QUEUE OrdersQueue ([//Shop/OrderContract]);
