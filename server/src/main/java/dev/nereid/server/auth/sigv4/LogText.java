package dev.nereid.server.auth.sigv4;

/**
 * Client-supplied text quoted for a rejection reason. Reasons go to the server's log, so line breaks and
 * control characters are escaped (no forged log lines) and long values are cut.
 */
final class LogText {
    private static final int DEFAULT_LIMIT = 200;

    private LogText() {
    }

    static String quote(String text) {
        return quote(text, DEFAULT_LIMIT);
    }

    static String quote(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 16).append('\'');
        int shown = Math.min(text.length(), limit);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPairedSurrogate(text, i, shown)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        if (shown < text.length()) {
            out.append("...(").append(text.length() - shown).append(" more chars)");
        }
        return out.toString();
    }

    private static boolean isPairedSurrogate(String text, int i, int end) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
