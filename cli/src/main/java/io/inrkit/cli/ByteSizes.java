package io.inrkit.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in bytes as the JVM's {@code -Xmx} takes them, {@code 1048576}, {@code 512k},
 * {@code 512m}, {@code 8g}, {@code 1t} (powers of 1024), with an optional {@code b} or
 * {@code ib} after the letter ({@code 512MB}, {@code 512MiB}); case is ignored.
 */
final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgt";

    private ByteSizes() {
    }

    /** The bytes {@code value} says; a {@link UsageException} naming {@code option} when it says none. */
    static long parse(String option, String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches() || m.group(2).isEmpty() && m.group(3) != null && m.group(3).length() > 1) {
            throw new UsageException(option + " takes a size in bytes such as 1048576, 512m or 8g, not '" + value + "'");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        int shift = unit.isEmpty() ? 0 : 10 * (UNITS.indexOf(unit) + 1);
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) { // 19 digits can be more than a long holds
            throw tooLarge(option, value);
        }
        if (n > Long.MAX_VALUE >> shift) {
            throw tooLarge(option, value);
        }
        return n << shift;
    }

    private static UsageException tooLarge(String option, String value) {
        return new UsageException(option + " " + value + " is more bytes than a long holds");
    }
}
