/**
 * Sessions and what works inside them: {@link io.parley.jms.session.ParleySession} with its producers, consumers
 * and browsers, the engine transactions behind each acknowledge mode, the dialogs a session sends on, how a consumer
 * picks the next message it may have from a queue, and the one thread that calls a session's MessageListeners.
 */
package io.parley.jms.session;
