-- The web shop side: it begins dialogs to //Shop/Orders and receives the confirmations.
CREATE MESSAGE TYPE [//Shop/Order]        VALIDATION = WELL_FORMED_XML;
CREATE MESSAGE TYPE [//Shop/Confirmation] VALIDATION = VALID_JSON;

CREATE CONTRACT [//Shop/OrderContract] (
    [//Shop/Order]        SENT BY INITIATOR,
    [//Shop/Confirmation] SENT BY TARGET
);

CREATE QUEUE ShopQueue;
CREATE SERVICE [//Shop/Storefront] ON QUEUE ShopQueue;

-- Orders live in the Orders broker of this node: a LOCAL route pinned to its broker instance.
CREATE ROUTE OrdersRoute WITH
    SERVICE_NAME = '//Shop/Orders',
    BROKER_INSTANCE = '${Orders.broker_instance}',
    ADDRESS = 'LOCAL';

-- Everything else goes to the head office's node, a route that expires in a day.
CREATE ROUTE HeadOfficeRoute WITH
    LIFETIME = 86400,
    ADDRESS = 'tcp://127.0.0.1:4122';
