package io.parley.dialog;

import java.time.Instant;
import java.util.UUID;

/**
 * One conversation endpoint as stored (§2.2, R-VIEW-3): which side it is, its group and services,
 * what it knows of the far side, its state, lifetime, timer and sequence numbers. Changes produce a
 * new value that {@link EndpointTable#update} writes back.
 */
record Endpoint(
        ConversationHandle handle,
        UUID conversationId,
        boolean initiator,
        ConversationGroupId group,
        String serviceName,
        String contractName,
        String farService,
        UUID farBrokerInstance,
        UUID brokerPick,
        ConversationState state,
        Instant lifetime,
        Instant dialogTimer,
        long sendSequence,
        long receiveSequence,
        Long endDialogSequence,
        int priority) {

    Endpoint withState(ConversationState newState) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                farBrokerInstance, brokerPick, newState, lifetime, dialogTimer, sendSequence, receiveSequence,
                endDialogSequence, priority);
    }

    /** This endpoint after it assigned sequence number {@link #sendSequence()} to an outgoing message. */
    Endpoint afterSend(ConversationState newState) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                farBrokerInstance, brokerPick, newState, lifetime, dialogTimer, sendSequence + 1, receiveSequence,
                endDialogSequence, priority);
    }

    /** This endpoint after accepting the message numbered {@code sequence}: it expects the next one. */
    Endpoint receivedThrough(long sequence) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                farBrokerInstance, brokerPick, state, lifetime, dialogTimer, sendSequence, sequence + 1,
                endDialogSequence, priority);
    }

    Endpoint withFarBroker(UUID broker) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                broker, null, state, lifetime, dialogTimer, sendSequence, receiveSequence, endDialogSequence, priority);
    }

    Endpoint withBrokerPick(UUID pick) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                farBrokerInstance, pick, state, lifetime, dialogTimer, sendSequence, receiveSequence,
                endDialogSequence, priority);
    }

    Endpoint withEndDialogSequence(long sequence) {
        return new Endpoint(handle, conversationId, initiator, group, serviceName, contractName, farService,
                farBrokerInstance, brokerPick, state, lifetime, dialogTimer, sendSequence, receiveSequence,
                sequence, priority);
    }
}
