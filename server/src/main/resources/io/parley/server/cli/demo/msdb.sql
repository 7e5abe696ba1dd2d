-- The node's broker endpoint; this node also relays messages for brokers it does not host.
CREATE ENDPOINT ParleyEndpoint
    STATE = STARTED
    AS TCP (LISTENER_PORT = 4022, LISTENER_IP = ('127.0.0.1'))
    FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED, MESSAGE_FORWARD_SIZE = 10);
