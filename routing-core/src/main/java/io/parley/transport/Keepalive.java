package io.parley.transport;

/** The frame a node writes when it has had nothing to say for a while, so its peer knows it is there. */
record Keepalive() implements Frame {
    static final Keepalive INSTANCE = new Keepalive();

    @Override
    public FrameType type() {
        return FrameType.KEEPALIVE;
    }
}
