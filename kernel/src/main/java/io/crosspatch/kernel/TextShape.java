package io.crosspatch.kernel;

/**
 * Shape checks for text an attacker chooses (ids, labels, host names, tokens, query parameters), written as one
 * pass over the characters after a length check. A regular expression with overlapping or nested quantifiers
 * backtracks on a near-miss — {@code [A-Za-z0-9+/\r\n]+={0,2}[\r\n]*} took 3.6 s on 32 K newlines and one bad
 * character — and whether a pattern is safe is easy to get wrong in review; a loop over a character class cannot
 * cost more than one step per character, and the length is refused before even that.
 */
public final class TextShape {

    /** A class of characters, tested one at a time. */
    @FunctionalInterface
    public interface Chars {

        boolean has(char c);

        /** This class plus every character of {@code extra}. */
        default Chars or(String extra) {
            return c -> has(c) || extra.indexOf(c) >= 0;
        }
    }

    public static final Chars DIGIT = c -> c >= '0' && c <= '9';
    public static final Chars LOWER = c -> c >= 'a' && c <= 'z';
    public static final Chars LOWER_ALNUM = c -> LOWER.has(c) || DIGIT.has(c);
    public static final Chars ALNUM = c -> LOWER_ALNUM.has(c) || (c >= 'A' && c <= 'Z');
    public static final Chars BASE64URL = ALNUM.or("_-");
    public static final Chars HEX_LOWER = c -> DIGIT.has(c) || (c >= 'a' && c <= 'f');

    private TextShape() {}

    /** {@code min} to {@code max} characters, all of {@code chars}; the length is checked first. */
    public static boolean of(String text, int min, int max, Chars chars) {
        if (text == null || text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!chars.has(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 1 to {@code max} characters: the first of {@code first}, the others of {@code rest}. */
    public static boolean word(String text, int max, Chars first, Chars rest) {
        return text != null && !text.isEmpty() && first.has(text.charAt(0)) && of(text.substring(1), 0, max - 1, rest);
    }
}
