/**
 * Message selectors: {@link io.parley.jms.selector.MessageSelector} parses the SQL-92 subset of Jakarta Messaging
 * with Apache Artemis's selector parser and evaluates it on a message's header fields and properties.
 */
package io.parley.jms.selector;
