package io.parley.dialog;

import java.nio.charset.StandardCharsets;

/**
 * The body of an Error message, exactly as Service Broker writes it (R-ERR-4):
 * {@code <?xml version="1.0"?><Error xmlns="http://schemas.microsoft.com/SQL/ServiceBroker/Error">
 * <Code>-8470</Code><Description>…</Description></Error>}, in UTF-8. Positive codes come from
 * END CONVERSATION WITH ERROR, negative ones from the broker (R-ERR-5).
 */
public final class ErrorBody {
    private ErrorBody() {
    }

    public static byte[] of(int code, String description) {
        return ("<?xml version=\"1.0\"?><Error xmlns=\"http://schemas.microsoft.com/SQL/ServiceBroker/Error\"><Code>"
                + code + "</Code><Description>" + escape(description) + "</Description></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
