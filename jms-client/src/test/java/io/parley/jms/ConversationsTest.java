package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.catalog.SystemObjects;
import io.parley.jms.context.ParleyJMSContext;
import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.session.Conversations;
import io.parley.jms.session.DialogOptions;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider API for explicit dialogs: BEGIN with options, SEND on the conversation through a producer, END, END
 * WITH ERROR, BEGIN CONVERSATION TIMER and lifetimes, seen from both sides through JMS consumers.
 */
class ConversationsTest {
    @TempDir
    Path dir;

    private Shop shop;
    private Session session;
    private Conversations conversations;

    @BeforeEach
    void setUp() throws Exception {
        shop = new Shop(dir);
        Connection connection = shop.connection();
        session = connection.createSession();
        conversations = Conversations.of(session);
    }

    @AfterEach
    void tearDown() throws Exception {
        shop.close();
    }

    @Test
    void aDialogBegunExplicitlyCarriesTheRequestAndTheReplyComesBackToItsFromService() throws Exception {
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS),
                DialogOptions.defaults().withFromService(Shop.BILLING));
        session.createProducer(dialog).send(session.createTextMessage("order 7"));

        Message request = receive(Shop.ORDERS);
        ConversationDestination far = conversations.conversationOf(request);
        assertThat(far).isNotEqualTo(dialog);
        assertThat(request.getStringProperty(Conversations.CONVERSATION_PROPERTY)).isEqualTo(far.handle().toString());
        session.createProducer(far).send(session.createTextMessage("confirmed 7"));

        TextMessage reply = (TextMessage) receive(Shop.BILLING);
        assertThat(reply.getText()).isEqualTo("confirmed 7");
        assertThat(conversations.conversationOf(reply)).isEqualTo(dialog);
    }

    @Test
    void endingSendsEndDialogAfterTheMessagesAlreadySent() throws Exception {
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS));
        session.createProducer(dialog).send(session.createTextMessage("last order"));
        conversations.end(dialog);

        assertThat(((TextMessage) receive(Shop.ORDERS)).getText()).isEqualTo("last order");
        assertThat(receive(Shop.ORDERS).getJMSType()).isEqualTo(SystemObjects.END_DIALOG);
        assertThatThrownBy(() -> session.createProducer(dialog).send(session.createTextMessage("too late")))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void endingWithAnErrorTellsTheFarSideTheCodeAndDescription() throws Exception {
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS));
        session.createProducer(dialog).send(session.createTextMessage("order 9"));
        Message request = receive(Shop.ORDERS);
        conversations.endWithError(conversations.conversationOf(request), 4711, "out of stock");

        TextMessage error = (TextMessage) receive(ParleyConnectionFactory.DEFAULT_CLIENT_SERVICE);
        assertThat(error.getJMSType()).isEqualTo(SystemObjects.ERROR);
        assertThat(error.getText()).contains("<Code>4711</Code>").contains("<Description>out of stock</Description>");
    }

    @Test
    void aConversationTimerFiresOnItsOwnSide() throws Exception {
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS),
                DialogOptions.defaults().withFromService(Shop.BILLING));
        conversations.beginTimer(dialog, Duration.ofMillis(200));

        Message timer = receive(Shop.BILLING);
        assertThat(timer.getJMSType()).isEqualTo(SystemObjects.DIALOG_TIMER);
        assertThat(conversations.conversationOf(timer)).isEqualTo(dialog);
    }

    /** R-CONV-12: when the lifetime is up, each side that has an endpoint gets an Error -8489 on its own queue. */
    @Test
    void aDialogOutlivingItsLifetimeErrorsOnBothSides() throws Exception {
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS), DialogOptions.defaults()
                .withFromService(Shop.BILLING).withLifetime(Duration.ofSeconds(1)));
        session.createProducer(dialog).send(session.createTextMessage("order 10"));

        assertThat(((TextMessage) receive(Shop.BILLING)).getText()).contains("<Code>-8489</Code>");
        // R-CONV-30: the Error is received before the order that waits on the dialog; receiving it ENDs the
        // dialog's side, which deletes the order (R-CONV-17).
        assertThat(((TextMessage) receive(Shop.ORDERS)).getText()).contains("<Code>-8489</Code>");
        assertThat(shop.waiting("OrdersQ")).isZero();
    }

    /** R-CONV-32: RELATED_CONVERSATION puts the new dialog in the group of the one named. */
    @Test
    void aRelatedDialogJoinsTheGroupOfTheFirst() throws Exception {
        DialogOptions fromBilling = DialogOptions.defaults().withFromService(Shop.BILLING);
        ConversationDestination first = conversations.begin(session.createQueue(Shop.ORDERS), fromBilling);
        ConversationDestination second = conversations.begin(session.createQueue(Shop.ORDERS),
                fromBilling.withRelatedConversation(first));
        ConversationDestination unrelated = conversations.begin(session.createQueue(Shop.ORDERS), fromBilling);
        for (ConversationDestination dialog : new ConversationDestination[] {first, second, unrelated}) {
            conversations.beginTimer(dialog, Duration.ofMillis(100));
        }
        String[] groups = new String[3];
        for (int i = 0; i < 3; i++) {
            Message timer = receive(Shop.BILLING);
            ConversationDestination dialog = conversations.conversationOf(timer);
            int index = dialog.equals(first) ? 0 : dialog.equals(second) ? 1 : 2;
            groups[index] = timer.getStringProperty("JMSXGroupID");
        }
        assertThat(groups[1]).isEqualTo(groups[0]);
        assertThat(groups[2]).isNotEqualTo(groups[0]);
    }

    @Test
    void theSimplifiedApiOffersTheSameVerbs() throws Exception {
        try (JMSContext context = shop.factory.createContext()) {
            Conversations fromContext = ((ParleyJMSContext) context).conversations();
            ConversationDestination dialog = fromContext.begin(context.createQueue(Shop.ORDERS));
            context.createProducer().send(dialog, "order 11");
            fromContext.end(dialog);
            assertThat(context.createConsumer(context.createQueue(Shop.ORDERS)).receiveBody(String.class, 10_000))
                    .isEqualTo("order 11");
        }
    }

    @Test
    void aDialogBegunInARolledBackTransactionDoesNotExist() throws Exception {
        Session transacted = shop.connection().createSession(Session.SESSION_TRANSACTED);
        Conversations inTransaction = Conversations.of(transacted);
        ConversationDestination dialog = inTransaction.begin(transacted.createQueue(Shop.ORDERS));
        transacted.rollback();
        assertThatThrownBy(() -> conversations.end(dialog)).isInstanceOf(InvalidDestinationException.class);
        assertThat(shop.openEndpoints()).isZero();
    }

    @Test
    void badInputIsRefusedWithTheNamesInvolved() throws Exception {
        assertThatThrownBy(() -> conversations.begin(session.createQueue("//Shop/Nowhere")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("//Shop/Nowhere");
        ConversationDestination dialog = conversations.begin(session.createQueue(Shop.ORDERS));
        assertThatThrownBy(() -> conversations.begin(dialog)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("conversation");
        assertThatThrownBy(() -> conversations.begin(session.createQueue(Shop.ORDERS),
                DialogOptions.defaults().withContract("//Shop/NoSuchContract")))
                .isInstanceOf(JMSException.class).hasMessageContaining("//Shop/NoSuchContract");
        assertThatThrownBy(() -> conversations.conversationOf(session.createTextMessage("never sent")))
                .isInstanceOf(JMSException.class).hasMessageContaining("not received from a Parley queue");
        assertThatThrownBy(() -> DialogOptions.defaults().withLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(shop.openEndpoints()).as("only the one good dialog was begun").isEqualTo(1);
    }

    private Message receive(String service) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(service))) {
            Message message = consumer.receive(10_000);
            assertThat(message).as("a message on %s", service).isNotNull();
            return message;
        }
    }
}
