package dev.nereid.server.http;

import java.util.Locale;

/** Reads {@code Accept-Encoding} the way spec §3.5 asks: gzip listed, case-insensitive, with q ≠ 0. */
public final class AcceptEncoding {
    private AcceptEncoding() {
    }

    public static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] parts = coding.split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            return qualityOf(parts) > 0;
        }
        return false;
    }

    /** The q parameter; an unreadable q counts as 0 so a garbled header never forces compression. */
    private static double qualityOf(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.substring(1).trim().startsWith("=")) {
                try {
                    return Double.parseDouble(p.substring(p.indexOf('=') + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
