package io.parley.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objects every broker has from creation (R-OBJ-10, R-OBJ-11, R-OBJ-14, R-ROUTE-8): the 14
 * system message types with their exact {@code http://} names, the DEFAULT contract and the
 * AutoCreatedLocal route. System message types and the DEFAULT contract cannot be dropped;
 * AutoCreatedLocal can be altered or dropped like any route.
 */
public final class SystemObjects {
    private static final String SSB = "http://schemas.microsoft.com/SQL/ServiceBroker/";
    private static final String BCN = SSB + "BrokerConfigurationNotice/";

    public static final String ERROR = SSB + "Error";
    public static final String END_DIALOG = SSB + "EndDialog";
    public static final String DIALOG_TIMER = SSB + "DialogTimer";
    public static final String MISSING_ROUTE = BCN + "MissingRoute";
    public static final String FAILED_ROUTE = BCN + "FailedRoute";
    public static final String MISSING_REMOTE_SERVICE_BINDING = BCN + "MissingRemoteServiceBinding";
    public static final String FAILED_REMOTE_SERVICE_BINDING = BCN + "FailedRemoteServiceBinding";
    public static final String ECHO = SSB + "ServiceEcho/Echo";
    public static final String DIAGNOSTIC_QUERY = SSB + "ServiceDiagnostic/Query";
    public static final String DIAGNOSTIC_STATUS = SSB + "ServiceDiagnostic/Status";
    public static final String DIAGNOSTIC_DESCRIPTION = SSB + "ServiceDiagnostic/Description";
    public static final String QUERY_NOTIFICATION = "http://schemas.microsoft.com/SQL/Notifications/QueryNotification";
    public static final String EVENT_NOTIFICATION = "http://schemas.microsoft.com/SQL/Notifications/EventNotification";
    /** The name of both the default message type and the default contract. */
    public static final String DEFAULT = "DEFAULT";
    /** The contract of the dynamic routing service (R-ROUTE-31). */
    public static final String BROKER_CONFIGURATION_NOTICE_CONTRACT = SSB + "BrokerConfigurationNotice";
    /** The route every broker starts with (R-ROUTE-8). */
    public static final String AUTO_CREATED_LOCAL = "AutoCreatedLocal";

    /** The system message types in id order 1..14, as in {@code sys.service_message_types}. */
    public static final List<MessageType> MESSAGE_TYPES = List.of(
            new MessageType(ERROR, Validation.WELL_FORMED_XML),
            new MessageType(END_DIALOG, Validation.EMPTY),
            new MessageType(QUERY_NOTIFICATION, Validation.WELL_FORMED_XML),
            new MessageType(EVENT_NOTIFICATION, Validation.WELL_FORMED_XML),
            new MessageType(DIALOG_TIMER, Validation.EMPTY),
            new MessageType(MISSING_ROUTE, Validation.WELL_FORMED_XML),
            new MessageType(FAILED_ROUTE, Validation.WELL_FORMED_XML),
            new MessageType(MISSING_REMOTE_SERVICE_BINDING, Validation.WELL_FORMED_XML),
            new MessageType(FAILED_REMOTE_SERVICE_BINDING, Validation.WELL_FORMED_XML),
            new MessageType(ECHO, Validation.NONE),
            new MessageType(DIAGNOSTIC_QUERY, Validation.WELL_FORMED_XML),
            new MessageType(DIAGNOSTIC_STATUS, Validation.WELL_FORMED_XML),
            new MessageType(DIAGNOSTIC_DESCRIPTION, Validation.NONE),
            new MessageType(DEFAULT, Validation.NONE));

    /** The DEFAULT contract: message type DEFAULT sent by any side (R-OBJ-14). */
    public static final Contract DEFAULT_CONTRACT = new Contract(DEFAULT, Map.of(DEFAULT, SentBy.ANY));

    /** The route with no service, no broker and address LOCAL that every broker starts with. */
    public static final Route AUTO_CREATED_LOCAL_ROUTE = Route.of(AUTO_CREATED_LOCAL, null, RouteAddress.LOCAL);

    /** Message types every service may receive whatever its contract says (R-OBJ-15). */
    public static final Set<String> ALWAYS_RECEIVABLE = Set.of(ERROR, END_DIALOG, DIALOG_TIMER);

    private static final Set<String> MESSAGE_TYPE_NAMES =
            MESSAGE_TYPES.stream().map(MessageType::name).collect(Collectors.toUnmodifiableSet());

    private SystemObjects() {
    }

    /** True for the names of the 14 built-in message types, which cannot be dropped or re-created. */
    public static boolean isSystemMessageType(String name) {
        return MESSAGE_TYPE_NAMES.contains(name);
    }

    /** True for the built-in DEFAULT contract. */
    public static boolean isSystemContract(String name) {
        return DEFAULT.equals(name);
    }
}
