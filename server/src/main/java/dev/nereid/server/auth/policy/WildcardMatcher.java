package dev.nereid.server.auth.policy;

/**
 * IAM's wildcard match: {@code *} matches any run of characters (none included), {@code ?} any one character,
 * everything else itself. Greedy, remembering only the last {@code *} to fall back to, so a hostile pattern
 * such as {@code a*a*a*…b} costs at most pattern length × text length steps; a regex would backtrack
 * exponentially.
 */
public final class WildcardMatcher {
    private WildcardMatcher() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                textAtStar = t;
            } else if (p < pattern.length()
                    && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry what follows it; earlier stars
                // never need revisiting, since this one can absorb anything they would have.
                p = star + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        // Both directions, as String.equalsIgnoreCase does, for alphabets whose case mapping is not one-to-one.
        return ignoreCase && (Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
