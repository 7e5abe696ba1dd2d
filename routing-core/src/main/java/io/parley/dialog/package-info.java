/**
 * Conversations inside a broker (semantics §2, §7): BEGIN DIALOG, SEND, RECEIVE, END CONVERSATION,
 * conversation groups and their locks, endpoint states and sequence numbers, and the system
 * messages the broker itself generates. {@link io.parley.dialog.Dialogs} is the entry point; every
 * operation runs inside a caller's {@link io.parley.store.Transaction}.
 */
package io.parley.dialog;
