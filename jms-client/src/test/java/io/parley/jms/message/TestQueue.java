package io.parley.jms.message;

import jakarta.jms.Queue;

/** A destination for tests: a queue known only by its name, equal to another of the same name. */
record TestQueue(String name) implements Queue {
    @Override
    public String getQueueName() {
        return name;
    }
}
